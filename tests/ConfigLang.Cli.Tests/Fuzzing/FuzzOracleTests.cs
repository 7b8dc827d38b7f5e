using ConfigLang.Host;
using ConfigLang.Fuzz;

namespace ConfigLang.Cli.Tests.Fuzzing;

/// <summary>
/// The fuzzer's oracle against stand-ins for the CLI (shell scripts) that fail in each way it
/// must catch, and that end normally in the ways it must let pass.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FuzzOracleTests : IDisposable
{
    // Processor time, memory and diagnostics judge these runs. The wall clock is far: a busy machine
    // stretches a script's wall time (0.5 s of processor took 3.6 s on a loaded 2-core machine), and a
    // close wall-clock limit turned such a run into a hang. Only the idle wait below has a close one.
    private static readonly ProcessLimits Tight = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 64L << 20, 1L << 20);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("configlang-fuzz-oracle-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("kill -SEGV $$", FailureKind.Signal)]
    [InlineData("kill -ABRT $$", FailureKind.Signal)]
    [InlineData("echo 'Stack overflow.' >&2; for i in $(seq 100000); do echo '   at ConfigLang.Evaluator.Syntax.Parser.ParseSelect()' >&2; done; kill -ABRT $$", FailureKind.Signal)]
    [InlineData("while :; do :; done", FailureKind.Hang)]
    [InlineData("x=$(head -c 400000000 /dev/zero | tr '\\0' a); sleep 5", FailureKind.Memory)]
    [InlineData("head -c 20000000 /dev/zero | tr '\\0' x >&2; exit 1", FailureKind.UnboundedDiagnostics)]
    [InlineData("echo 'Unhandled exception: System.ArgumentException: Null character in path.' >&2; exit 1", FailureKind.UnhandledException)]
    [InlineData("printf 'error: x\\n   at ConfigLang.Cli.Adapters.HostLinter.Lint(String path)\\n' >&2; exit 1", FailureKind.UnhandledException)]
    [InlineData("echo 'error: internal error: InvalidOperationException: x' >&2; exit 1", FailureKind.InternalError)]
    [InlineData("echo 'error: cannot write' >&2; exit 3", FailureKind.UnexpectedExitCode)]
    public void A_run_that_fails_is_reported_with_its_kind(string script, FailureKind expected)
    {
        var outcome = Run(script);

        var failure = Failure.Of(outcome, "eval");

        Assert.NotNull(failure);
        Assert.Equal(expected, failure.Kind);
        Assert.StartsWith($"{expected} in 'eval'", failure.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_waits_without_using_the_processor_is_a_hang_at_the_wall_clock_limit()
    {
        // Sleeping uses no processor, memory or output: only the wall clock can end it, however busy the machine.
        var outcome = new LimitedCliProcess(FakeCli.Write(_folder.FullName, "sleep 30"), Tight with { WallTime = TimeSpan.FromSeconds(3) })
            .Run(["eval", "input.nix"], _folder.FullName);

        Assert.Equal(LimitExceeded.WallTime, outcome.Killed);
        Assert.Equal(FailureKind.Hang, Failure.Of(outcome, "eval")!.Kind);
    }

    [Theory]
    [InlineData("echo 42")]
    [InlineData("echo \"error: undefined variable 'x'\" >&2; echo '  --> input.nix:1:1' >&2; exit 1")]
    [InlineData("echo 'error[CL9003]: eval --parse needs a FILE' >&2; exit 2")]
    public void A_run_that_ends_as_the_contract_says_is_no_failure(string script)
    {
        var outcome = Run(script);

        Assert.Null(Failure.Of(outcome, "eval"));
    }

    [Fact]
    public void The_run_sees_closed_standard_input_and_its_own_folder_as_home()
    {
        var outcome = Run("cat; echo \"home=$HOME cwd=$PWD max=$CONFIGLANG_MAX_MEMORY\"");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"home={_folder.FullName} cwd={_folder.FullName} max=32M\n", outcome.StdoutHead);
    }

    [Fact]
    public void Failures_of_one_cause_share_a_signature_whatever_the_numbers()
    {
        var first = Failure.Of(Run("echo 'Unhandled exception: System.OverflowException: 12 at 3' >&2; exit 1"), "lint");
        var second = Failure.Of(Run("echo 'Unhandled exception: System.OverflowException: 907 at 41' >&2; exit 1"), "lint");

        Assert.Equal(first!.Signature, second!.Signature);
        Assert.NotEqual(first.Signature, Failure.Of(Run("kill -SEGV $$"), "lint")!.Signature);
    }

    private ProcessOutcome Run(string script)
    {
        return new LimitedCliProcess(FakeCli.Write(_folder.FullName, script), Tight).Run(["eval", "input.nix"], _folder.FullName);
    }
}
