using System.Collections.Concurrent;
using System.Diagnostics;
using ConfigLang.Cli.Tests.Fuzzing;
using ConfigLang.Evaluator.Tests.Runtime;
using ConfigLang.TestSupport;
using Xunit.Abstractions;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// Every eval case of the Nix language corpus run through the CLI binary exactly as upstream's
/// lang.sh runs <c>nix-instantiate</c> (<see cref="UpstreamLangRun"/>: its arguments after
/// <c>configlang eval</c>, its environment, the corpus as current directory). eval-okay: exit 0,
/// stdout equals <c>.exp</c> (trailing spaces aside, as the corpus README says) and stderr
/// equals <c>.err.exp</c> byte for byte. eval-fail: exit 1 and the first <c>error:</c> line is
/// Nix's or listed in error-message-differences.txt, as in-process. One fact runs the cases a
/// few at a time (a JIT start costs 0.1-0.3 s) and reports every failing case at once.
/// </summary>
public sealed class EvalCorpusThroughBinaryTests(ITestOutputHelper output)
{
    [CorpusFact(SharedCorpus.NixLang)]
    public void Every_eval_case_passes_through_the_binary_as_the_upstream_harness_runs_it()
    {
        var cases = EvalCorpusRunner.AllCases("eval-okay-").Concat(EvalCorpusRunner.AllCases("eval-fail-")).ToArray();
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 2, 4) }, name =>
        {
            if (Check(UpstreamLangRun.Of(name)) is { } failure) failures[name] = failure;
        });

        var okay = cases.Count(name => name.StartsWith("eval-okay-", StringComparison.Ordinal));
        output.WriteLine($"{okay - failures.Keys.Count(name => name.StartsWith("eval-okay-", StringComparison.Ordinal))} of {okay} eval-okay and "
            + $"{cases.Length - okay - failures.Keys.Count(name => name.StartsWith("eval-fail-", StringComparison.Ordinal))} of {cases.Length - okay} eval-fail cases pass "
            + $"through {FuzzCli.Path} in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Length} cases fail through the binary:\n\n"
            + string.Join("\n\n", failures.OrderBy(failure => failure.Key, StringComparer.Ordinal).Select(failure => failure.Value)));
    }

    /// <summary>Null when the case passes, else what differs.</summary>
    private static string? Check(UpstreamLangRun run)
    {
        // NIX_PATH only where lang.sh sets it: the test machine's must not leak into the others.
        string[] unset = run.Environment.ContainsKey("NIX_PATH") ? [] : ["NIX_PATH"];
        var result = CliProcess.RunExecutable(FuzzCli.Path, run.Root, run.Environment, unset, ["eval", .. run.Arguments]);
        var stdout = run.WithPwd(result.Stdout);
        var stderr = run.WithPwd(result.Stderr);
        var command = $"configlang eval {string.Join(' ', run.Arguments)}";
        if (!run.Okay)
        {
            if (result.ExitCode != 1) return $"{run.Name}: `{command}` exited {result.ExitCode}, not 1:\n{stderr}";
            if (ErrorMessageDifferences.NotYetPassing.ContainsKey(run.Name)) return null;
            var (expected, actual) = EvalCorpusRunner.ErrorMessages(run.Name, stderr);
            return ErrorMessageDifferences.Mismatch(run.Name, expected, actual);
        }
        if (result.ExitCode != 0) return $"{run.Name}: `{command}` exited {result.ExitCode}, not 0:\n{stderr}";
        if (WithoutTrailingSpaces(stdout) != WithoutTrailingSpaces(run.ExpectedStdout!))
        {
            return $"{run.Name}: stdout differs.\nexpected: {run.ExpectedStdout}\nactual:   {stdout}";
        }
        return stderr == run.ExpectedStderr ? null : $"{run.Name}: stderr differs.\nexpected: {run.ExpectedStderr}\nactual:   {stderr}";
    }

    private static string WithoutTrailingSpaces(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.TrimEnd(' '))).TrimEnd('\n');
}
