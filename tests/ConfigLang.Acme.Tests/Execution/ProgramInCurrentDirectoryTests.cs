using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

[CollectionDefinition(nameof(CurrentDirectoryChanges), DisableParallelization = true)]
public sealed class CurrentDirectoryChanges;

/// <summary>
/// A program rebuild runs by name (bash for postRun, systemctl, useradd, a reload command) is
/// looked up on PATH only: Process.Start would first take a file of that name in the current
/// directory, and root may run rebuild from a folder others write (a certificate directory).
/// The current directory is the process's, so these tests run alone.
/// </summary>
[Collection(nameof(CurrentDirectoryChanges))]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProgramInCurrentDirectoryTests
{
    [Fact]
    public async Task A_program_named_without_a_directory_is_not_taken_from_the_current_directory()
    {
        using var folder = new TempRoot(withUsers: false);
        const string name = "configlang-planted-reload";
        var marker = folder.File_("ran");
        File.WriteAllText(folder.File_(name), $"#!/bin/sh\ntouch '{marker}'\n");
        File.SetUnixFileMode(folder.File_(name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder.Path);
        try
        {
            var error = await Assert.ThrowsAsync<ServiceManagerException>(() => new ExecServiceManager(name).ReloadAsync(["nginx.service"], CancellationToken.None));

            Assert.Contains("is not installed or not on PATH", error.Message);
            Assert.False(File.Exists(marker));
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }

    [Fact]
    public async Task A_program_on_PATH_and_one_named_by_its_path_still_run()
    {
        using var folder = new TempRoot(withUsers: false);
        var script = folder.File_("reload.sh");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$@\" > '{folder.File_("args")}'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await new ExecServiceManager("true --quiet").ReloadAsync(["a.service"], CancellationToken.None);
        await new ExecServiceManager(script).ReloadAsync(["b.service"], CancellationToken.None);

        Assert.Equal("b.service\n", File.ReadAllText(folder.File_("args")));
    }

    [Fact]
    public async Task A_non_executable_file_or_a_directory_of_that_name_earlier_on_PATH_is_passed_over()
    {
        using var folder = new TempRoot(withUsers: false);
        const string name = "configlang-path-probe";
        var marker = folder.File_("ran");
        Directory.CreateDirectory(folder.File_("first", name));
        Directory.CreateDirectory(folder.File_("second"));
        File.WriteAllText(folder.File_("second", name), "#!/bin/sh\nexit 1\n");
        Directory.CreateDirectory(folder.File_("third"));
        File.WriteAllText(folder.File_("third", name), $"#!/bin/sh\ntouch '{marker}'\n");
        File.SetUnixFileMode(folder.File_("third", name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var before = Environment.GetEnvironmentVariable("PATH");
        // Prepended only: other tests running meanwhile still find their programs.
        Environment.SetEnvironmentVariable("PATH", $"{folder.File_("first")}:{folder.File_("second")}:{folder.File_("third")}:{before}");
        try
        {
            await new ExecServiceManager(name).ReloadAsync(["nginx.service"], CancellationToken.None);

            Assert.True(File.Exists(marker));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", before);
        }
    }

    [Fact]
    public async Task A_program_on_PATH_only_as_a_file_that_may_not_be_executed_is_named_as_such()
    {
        using var folder = new TempRoot(withUsers: false);
        const string name = "configlang-path-unexecutable";
        var before = Environment.GetEnvironmentVariable("PATH");
        // Prepended only: other tests running meanwhile still find their programs.
        var path = $"{folder.File_("first")}:{folder.File_("second")}:{before}";
        Directory.CreateDirectory(folder.File_("first"));
        Directory.CreateDirectory(folder.File_("second"));
        Environment.SetEnvironmentVariable("PATH", path);
        try
        {
            var missing = await Assert.ThrowsAsync<ServiceManagerException>(() => new ExecServiceManager(name).ReloadAsync(["nginx.service"], CancellationToken.None));
            Assert.Equal($"cannot start {name}: {name} is not installed or not on PATH ({path})", missing.Message);

            // Without any execute bit, as a package unpacked without modes leaves it (root may execute nothing else).
            File.WriteAllText(folder.File_("second", name), "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(folder.File_("second", name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var unexecutable = await Assert.ThrowsAsync<ServiceManagerException>(() => new ExecServiceManager(name).ReloadAsync(["nginx.service"], CancellationToken.None));
            Assert.Equal($"cannot start {name}: {name} was found at {folder.File_("second", name)} but is not executable", unexecutable.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", before);
        }
    }
}
