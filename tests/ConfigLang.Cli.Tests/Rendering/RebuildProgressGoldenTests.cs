using ConfigLang.Acme.Client;
using ConfigLang.Acme.Execution;
using ConfigLang.Cli.Rendering.Rebuild;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// The progress of rebuild/renew as people read it, for one run's events (as the executor and the
/// orderer report them, two certificates interleaved, one failing): sentences in a log, live lines
/// rewritten in place on a terminal. Time is a clock the test moves.
/// </summary>
public sealed class RebuildProgressGoldenTests
{
    /// <summary>A clock that stands still until the test moves it.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
        public override long GetTimestamp() => _ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    private static void Play(IProgress<RebuildProgress> view, SteppedClock clock)
    {
        void Order(string cert, OrderStage stage, string? id = null, string? detail = null) =>
            view.Report(new RebuildProgress(cert, stage.ToString(), detail, new OrderProgress(cert, stage, id, detail)));

        view.Report(new RebuildProgress("(cleanup)", "removed", "/var/lib/acme/.configlang-tmp-1"));
        view.Report(new RebuildProgress("www.example.test", "placeholder", "self-signed certificate installed"));
        view.Report(new RebuildProgress("www.example.test", "issue", "no certificate on disk"));
        Order("www.example.test", OrderStage.Started, detail: "www.example.test");
        view.Report(new RebuildProgress("api.example.test", "renew", "expires in 12 days"));
        Order("www.example.test", OrderStage.OrderCreated, detail: "https://ca/order/1");
        Order("www.example.test", OrderStage.ChallengePresented, "www.example.test", "dns-01");
        clock.Advance(TimeSpan.FromSeconds(0.4));
        Order("api.example.test", OrderStage.Started, detail: "api.example.test");
        Order("www.example.test", OrderStage.ChallengeSubmitted, "www.example.test", "dns-01");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Order("api.example.test", OrderStage.Failed, detail: "request to https://ca/new-order failed");
        view.Report(new RebuildProgress("api.example.test", "failed", "request to https://ca/new-order failed"));
        Order("www.example.test", OrderStage.ChallengeValid, "www.example.test", "dns-01");
        Order("www.example.test", OrderStage.ChallengeCleanedUp, "www.example.test", "dns-01");
        Order("www.example.test", OrderStage.Finalizing, detail: "ec256");
        clock.Advance(TimeSpan.FromSeconds(1.3));
        Order("www.example.test", OrderStage.Downloading, detail: "https://ca/cert/1");
        Order("www.example.test", OrderStage.Completed, detail: "valid until 2027-03-06 18:00:00Z, chain to Pebble Root");
        view.Report(new RebuildProgress("www.example.test", "installed", "valid until 2027-03-06 18:00:00Z"));
        view.Report(new RebuildProgress("(services)", "reload", "nginx.service"));
    }

    [Fact]
    public void In_a_log_each_event_is_one_sentence_in_words_and_a_failure_says_only_that_it_failed()
    {
        var clock = new SteppedClock();
        var output = new StringWriter();
        using (var view = new PlainProgressWriter(output, clock)) Play(view, clock);

        GoldenFile.AssertMatches("rebuild/progress.plain.expected", output.ToString());
        Assert.DoesNotContain("ChallengeCleanedUp", output.ToString());
        Assert.DoesNotContain("new-order failed", output.ToString());
    }

    [Fact]
    public void A_name_and_detail_with_control_characters_or_a_line_break_stay_one_line_with_them_shown()
    {
        var output = new StringWriter();
        using (var view = new PlainProgressWriter(output, new SteppedClock()))
            view.Report(new RebuildProgress("a\u001b[2J.test", "issue", "new\n::error file=x::forged \u202e"));

        Assert.Equal("a\\u001b[2J.test: ordering (issue: new\\u000a::error file=x::forged \\u202e)\n", output.ToString());
    }

    [Fact]
    public void Under_service_manager_none_a_log_says_what_would_be_reloaded()
    {
        var clock = new SteppedClock();
        var output = new StringWriter();
        using (var view = new PlainProgressWriter(output, clock, reloads: false)) Play(view, clock);

        Assert.Contains("\nwould reload nginx.service (--service-manager none reloads nothing)\n", output.ToString());
        Assert.DoesNotContain("reloading", output.ToString());
    }

    [Fact]
    public void On_a_terminal_each_certificate_has_one_line_rewritten_in_place_with_its_elapsed_time()
    {
        var clock = new SteppedClock();
        var output = new StringWriter();
        using (var view = new LiveProgressView(output, clock, width: 100)) Play(view, clock);

        // The escape character made visible, so the expectation file is readable.
        GoldenFile.AssertMatches("rebuild/progress.live.expected", output.ToString().Replace("\u001b", "<ESC>", StringComparison.Ordinal));
        // What stays on the screen: the note, then the last state of each certificate.
        var screen = TerminalScreen.Replay(output.ToString());
        Assert.Equal([
            "removed /var/lib/acme/.configlang-tmp-1, left over from an interrupted run",
            "reloading nginx.service",
            "www.example.test  done in 3.2 s (installed, valid until 2027-03-06 18:00:00Z)",
            "api.example.test  failed after 1.9 s (the error is reported below)",
        ], screen);
    }

    [Fact]
    public void A_line_longer_than_the_terminal_is_cut_so_it_never_wraps()
    {
        var clock = new SteppedClock();
        var output = new StringWriter();
        using (var view = new LiveProgressView(output, clock, width: 40)) Play(view, clock);

        Assert.All(TerminalScreen.Replay(output.ToString()), line => Assert.True(line.Length < 40, line));
    }

    [Theory]
    [InlineData(true, "would issue", "www.example.test: skipped, dry run: would issue (no certificate on disk)")]
    [InlineData(false, "would reissue", "www.example.test: skipped: renew does not reissue, rebuild does (no certificate on disk)")]
    public void What_was_skipped_says_skipped_and_why(bool dryRun, string step, string expected)
    {
        var output = new StringWriter();
        using (var view = new PlainProgressWriter(output, new SteppedClock(), dryRun: dryRun))
            view.Report(new RebuildProgress("www.example.test", step, "no certificate on disk"));

        Assert.Equal(expected + "\n", output.ToString());
    }

    [Fact]
    public void A_host_in_a_cluster_says_it_waits_for_the_lock_and_that_a_stored_certificate_was_installed_as_done()
    {
        var clock = new SteppedClock();
        var output = new StringWriter();
        using (var view = new LiveProgressView(output, clock, width: 120))
        {
            view.Report(new RebuildProgress("www.example.test", "cluster lock"));
            clock.Advance(TimeSpan.FromSeconds(2));
            view.Report(new RebuildProgress("www.example.test", "installed from cluster", "stored by web2, valid until 2027-03-06"));
        }

        Assert.Equal(["www.example.test  done in 2.0 s (installed from the cluster, stored by web2, valid until 2027-03-06)"], TerminalScreen.Replay(output.ToString()));
    }

    [Fact]
    public void A_host_whose_own_account_key_the_cluster_replaced_is_told_where_its_key_is_kept()
    {
        var output = new StringWriter();
        using (var view = new PlainProgressWriter(output, new SteppedClock()))
            view.Report(new RebuildProgress("(account)", "account key kept aside", "/var/lib/acme/.accounts/1ccf607d9aa280e9af00/key.pem.before-cluster-20261207T083005Z"));

        Assert.Equal("this host's ACME account key is not the cluster's: the cluster's is used (one account for the fleet), this host's is kept as "
            + "/var/lib/acme/.accounts/1ccf607d9aa280e9af00/key.pem.before-cluster-20261207T083005Z\n", output.ToString());
    }
}
