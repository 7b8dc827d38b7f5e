using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.HostConfig;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Execution;

namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// A symlink planted under the root where ConfigLang keeps its own directory or file (pointing
/// at a directory or key beyond the root) is refused with an error naming the planted path,
/// and nothing beyond the root changes: content, mode, owner, mtime and the set of files.
/// These need no CA (the run stops before ordering, or the writer is called directly); the
/// CLI tests plant the same links for whole rebuilds against the testbed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SymlinksUnderRootTests : IDisposable
{
    private const string Name = "a.example.test";
    private const string DeadServer = "https://127.0.0.1:1/dir";

    private readonly TempRoot _root = new();
    private readonly OutsideTree _outside = new();

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    private void Plant(string relative, bool atFile)
    {
        var link = _root.File_(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        // The lock folder as a run made it (a 0755 one is refused before the link is reached).
        if (relative.StartsWith("run/configlang/lock/", StringComparison.Ordinal))
        {
            File.SetUnixFileMode(Path.GetDirectoryName(link)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.CreateSymbolicLink(link, atFile ? _outside.Victim : _outside.Path);
    }

    private static PlanExecutor Executor(string root) =>
        new(root, new FakeClock(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)), PlanExecutor.ClientsTrusting(null), new NoServiceManager());

    [Theory]
    [InlineData("var/lib/acme", false)]
    [InlineData("var/lib/acme/" + Name, false)]
    [InlineData("var/lib/acme/" + Name + "/key.pem", true)]
    [InlineData("var/lib/acme/" + Name + "/fullchain.pem", true)]
    [InlineData("var/lib/acme/" + Name + "/full.pem", true)]
    [InlineData("var/lib/acme/.accounts", false)]
    [InlineData("var/lib/acme/.minica", false)]
    [InlineData("var/lib/acme/.minica/key.pem", true)]
    [InlineData("run/configlang/lock/rebuild.lock", true)]
    [InlineData("run/configlang/lock", false)]
    [InlineData("run/configlang", false)]
    [InlineData("etc/passwd", true)]
    [InlineData("var", false)]
    public async Task A_rebuild_refuses_the_planted_link_by_name_and_changes_nothing_beyond_the_root(string planted, bool atFile)
    {
        if (planted.Contains('/' + Name + '/')) Directory.CreateDirectory(_root.File_("var", "lib", "acme", Name));
        if (planted == "etc/passwd") File.Delete(_root.File_("etc", "passwd"));
        Plant(planted, atFile);

        var errors = await RunAsync();

        Assert.Contains(errors, e => e.Contains(_root.File_(planted.Split('/')) + " is a symbolic link", StringComparison.Ordinal));
        _outside.AssertUnchanged();
        Assert.True(new FileInfo(_root.File_(planted.Split('/'))).LinkTarget is not null, "the planted link itself is left for a human to look at");
    }

    // The messages a rebuild ends with: the exception that stopped it, or its per-certificate errors (exit 3).
    // As the command runs it: the lock first, then the executor under it.
    private async Task<IReadOnlyList<string>> RunAsync()
    {
        try
        {
            using var runLock = RebuildLock.Acquire(_root.Path);
            var summary = await Executor(_root.Path).RunAsync([ExecutorRequests.Http(Name, DeadServer)], ExecutorRequests.Options());
            Assert.Equal(3, summary.ExitCode);
            return summary.Certificates.Select(c => c.Error?.Message).OfType<string>().Concat(summary.OtherErrors).ToArray();
        }
        catch (UnsafePathException e)
        {
            return [e.Message];
        }
    }

    [Fact]
    public void A_hard_linked_lock_file_is_neither_locked_nor_truncated()
    {
        Directory.CreateDirectory(_root.File_("run", "configlang", "lock"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var before = File.ReadAllText(_outside.Victim);
        // Same file system (both under /tmp): a second name for the victim inside the root.
        var link = new System.Diagnostics.ProcessStartInfo("ln", [_outside.Victim, _root.File_("run", "configlang", "lock", "rebuild.lock")]);
        using (var ln = System.Diagnostics.Process.Start(link)!) ln.WaitForExit();

        var error = Assert.Throws<UnsafePathException>(() => RebuildLock.Acquire(_root.Path));

        Assert.Contains("hard links", error.Message);
        Assert.Equal(before, File.ReadAllText(_outside.Victim));
    }

    [Theory]
    [InlineData(".accounts", false)]
    [InlineData(".accounts/HASH", false)]
    [InlineData(".accounts/HASH/key.pem", true)]
    public void The_account_store_never_writes_through_a_link(string planted, bool atFile)
    {
        var account = new AccountSpec(null, KeyType.Ec256, "a@example.test");
        var relative = "var/lib/acme/" + planted.Replace("HASH", account.Hash, StringComparison.Ordinal);
        Plant(relative, atFile);
        var store = new AccountStore(_root.Path);

        var error = Assert.Throws<UnsafePathException>(() => store.SaveKey(account, "-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----\n"));

        Assert.Equal(_root.File_(relative.Split('/')), error.Path);
        _outside.AssertUnchanged();
    }

    [Theory]
    [InlineData("etc", false)]
    [InlineData("etc/nginx", false)]
    [InlineData("etc/nginx/nginx.conf", true)]
    public void Generated_nginx_configuration_is_never_written_through_a_link(string planted, bool atFile)
    {
        if (planted == "etc") Directory.Delete(_root.File_("etc"), recursive: true);
        Plant(planted, atFile);

        var error = Assert.Throws<UnsafePathException>(() => GeneratedFileWriter.Write(new RootedFileSystem(_root.Path), "/etc/nginx/nginx.conf", "events {}\n"));

        Assert.Equal(_root.File_(planted.Split('/')), error.Path);
        _outside.AssertUnchanged();
    }

    [Theory]
    [InlineData("etc/systemd", false)]
    [InlineData("etc/systemd/system", false)]
    [InlineData("etc/systemd/system/acme-example.org.service", true)]
    [InlineData("etc/systemd/system/acme-example.org.timer", true)]
    [InlineData("etc/systemd/system/timers.target.wants", false)]
    [InlineData("etc/systemd/system/nginx.service.d", false)]
    [InlineData("etc/systemd/system/nginx.service.d/" + SystemdUnitWriter.DropInName, true)]
    public void Units_are_never_written_through_a_link(string planted, bool atFile)
    {
        Plant(planted, atFile);
        var settings = new RenewUnitSettings { Command = ["configlang", "renew", "/etc/host.nix"], Certificates = [Requests.Http("example.org") with { UsedBy = ["nginx"] }] };

        var error = Assert.Throws<UnsafePathException>(() => SystemdUnitWriter.Write(new RootedFileSystem(_root.Path), settings, DateTimeOffset.UtcNow));

        Assert.Equal(_root.File_(planted.Split('/')), error.Path);
        _outside.AssertUnchanged();
    }

    [Theory]
    [InlineData("srv/www")]
    [InlineData("srv/www/.well-known")]
    [InlineData("srv/www/.well-known/acme-challenge")]
    [InlineData("srv")]
    public async Task The_webroot_is_never_written_through_a_link(string planted)
    {
        if (planted != "srv") Directory.CreateDirectory(Path.GetDirectoryName(_root.File_(planted.Split('/')))!);
        Plant(planted, atFile: false);
        var solver = new WebrootHttp01Solver(new RootedFileSystem(_root.Path), "/srv/www");
        var challenge = new ChallengeTask("srv.example.test", "srv.example.test", "token_1", "token_1.thumbprint");

        var error = await Assert.ThrowsAsync<UnsafePathException>(() => solver.PresentAsync(challenge, CancellationToken.None));

        Assert.Equal(_root.File_(planted.Split('/')), error.Path);
        _outside.AssertUnchanged();
    }

    [Fact]
    public void Credential_files_follow_links_only_inside_the_root()
    {
        // agenix and sops-nix make /run/secrets a link to a generation directory: resolved inside the root.
        Directory.CreateDirectory(_root.File_("run", "secrets.d", "1"));
        File.WriteAllText(_root.File_("run", "secrets.d", "1", "dns.env"), "INWX_USERNAME=user\n");
        File.CreateSymbolicLink(_root.File_("run", "secrets"), "/run/secrets.d/1");
        // A relative link climbing out of the root stops at the root (RESOLVE_IN_ROOT), so it names nothing.
        File.CreateSymbolicLink(_root.File_("run", "secrets.d", "1", "escape"), string.Concat(Enumerable.Repeat("../", 12)) + _outside.Victim.TrimStart('/'));
        var root = new RootedFileSystem(_root.Path);

        Assert.Equal("user", ProviderCredentials.Load("/run/secrets/dns.env", null, root.ReadConfiguredFile).Get("INWX_USERNAME"));
        var error = Assert.Throws<AcmeException>(() => ProviderCredentials.Load(null,
            new Dictionary<string, string> { ["INWX_PASSWORD_FILE"] = "/run/secrets/escape" }, root.ReadConfiguredFile));
        Assert.Contains("INWX_PASSWORD", error.Message);
        _outside.AssertUnchanged();
    }
}
