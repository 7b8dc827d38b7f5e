using System.Runtime.Versioning;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// The executor's own guard: handed a group name that would add a line to etc/group (whatever
/// the caller checked), a rebuild stops with <see cref="UnsafeAccountEntryException"/> (the CLI's
/// exit 3) and the account files keep their bytes; no certificate is touched.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileAccountEntriesTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_rebuild_handed_an_injecting_group_name_stops_before_writing_the_account_files()
    {
        var group = File.ReadAllBytes(_root.File_("etc", "group"));
        var passwd = File.ReadAllBytes(_root.File_("etc", "passwd"));
        var executor = new PlanExecutor(_root.Path, TimeProvider.System, _ => throw new InvalidOperationException("no CA is contacted"), new NoServiceManager());
        var request = ExecutorRequests.Http("example.test", "https://127.0.0.1:9/dir");
        var options = ExecutorRequests.Options() with { Groups = [new("acme"), new("nginx"), new("evil:x:0:\nroot2")] };

        var error = await Assert.ThrowsAsync<UnsafeAccountEntryException>(() => executor.RunAsync([request], options));

        Assert.Contains("the group name \"evil:x:0:\\nroot2\" cannot be written", error.Message);
        Assert.Equal(group, File.ReadAllBytes(_root.File_("etc", "group")));
        Assert.Equal(passwd, File.ReadAllBytes(_root.File_("etc", "passwd")));
        Assert.False(Directory.Exists(_root.File_("var", "lib", "acme", "example.test")));
    }
}
