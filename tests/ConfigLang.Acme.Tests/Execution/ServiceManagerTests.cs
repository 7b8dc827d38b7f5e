using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Execution;

public sealed class ServiceManagerTests
{
    [Fact]
    public async Task Exec_manager_passes_the_units_as_arguments()
    {
        using var root = new TempRoot(withUsers: false);
        var recorder = new RecordingServiceManager(root.Path);
        await recorder.Manager.ReloadAsync(["nginx.service", "postfix.service"], CancellationToken.None);
        Assert.Equal(["nginx.service postfix.service"], recorder.Calls);
    }

    [Fact]
    public async Task A_failing_reload_command_is_reported_with_its_exit_code_and_output()
    {
        using var root = new TempRoot(withUsers: false);
        var recorder = new RecordingServiceManager(root.Path, "echo 'unit not found' >&2; exit 5");
        var error = await Assert.ThrowsAsync<ServiceManagerException>(() => recorder.Manager.ReloadAsync(["nope.service"], CancellationToken.None));
        Assert.Contains("exited with 5", error.Message);
        Assert.Contains("unit not found", error.Message);
    }

    [Fact]
    public async Task Systemd_manager_runs_systemctl_no_block_try_reload_or_restart()
    {
        using var root = new TempRoot(withUsers: false);
        // A stand-in systemctl that records its command line: the exact spelling is the contract.
        var recorder = new RecordingServiceManager(root.Path);
        await new SystemdServiceManager(recorder.Script).ReloadAsync(["nginx.service"], CancellationToken.None);
        Assert.Equal(["--no-block try-reload-or-restart nginx.service"], recorder.Calls);
    }

    [Fact]
    public async Task Systemd_manager_stops_removed_units_reloads_and_starts_the_timers_after_units_were_written()
    {
        using var root = new TempRoot(withUsers: false);
        var recorder = new RecordingServiceManager(root.Path);
        await new SystemdServiceManager(recorder.Script).ApplyUnitsAsync(["acme-a.example.timer", "acme-b.example.timer"], ["acme-old.example.timer"], CancellationToken.None);
        Assert.Equal(["stop acme-old.example.timer", "daemon-reload", "--no-block start acme-a.example.timer acme-b.example.timer"], recorder.Calls);
    }

    [Fact]
    public async Task Systemd_manager_reloads_even_when_no_timer_is_new()
    {
        using var root = new TempRoot(withUsers: false);
        var recorder = new RecordingServiceManager(root.Path);
        await new SystemdServiceManager(recorder.Script).ApplyUnitsAsync([], [], CancellationToken.None);
        Assert.Equal(["daemon-reload"], recorder.Calls);
    }

    [Fact]
    public async Task Exec_and_none_managers_run_nothing_for_written_units()
    {
        using var root = new TempRoot(withUsers: false);
        var recorder = new RecordingServiceManager(root.Path);
        await recorder.Manager.ApplyUnitsAsync(["acme-a.example.timer"], ["acme-old.example.timer"], CancellationToken.None);
        await ((IServiceManager)new NoServiceManager()).ApplyUnitsAsync(["acme-a.example.timer"], [], CancellationToken.None);
        Assert.Empty(recorder.Calls);
    }

    [Theory]
    [InlineData("systemd", "systemd")]
    [InlineData("none", "none")]
    [InlineData("exec:/bin/true --quiet", "exec:/bin/true --quiet")]
    public void Parses_the_cli_spellings(string text, string description) =>
        Assert.Equal(description, ServiceManagers.Parse(text).Description);

    [Theory]
    [InlineData("exec:")]
    [InlineData("upstart")]
    public void Rejects_unknown_spellings(string text) =>
        Assert.Throws<ArgumentException>(() => ServiceManagers.Parse(text));
}
