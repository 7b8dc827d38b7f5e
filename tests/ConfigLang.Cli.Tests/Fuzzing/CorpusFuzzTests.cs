using ConfigLang.Fuzz;
using ConfigLang.TestSupport;
using Xunit.Abstractions;

namespace ConfigLang.Cli.Tests.Fuzzing;

/// <summary>
/// The bounded fuzzing run of every CI: mutants of the conformance corpus and the examples go
/// through <c>eval --parse</c>, <c>eval --strict</c> and <c>lint</c> of the built CLI, and none
/// may end in a signal, a hang, past the memory limit, with an unhandled exception or an
/// "internal error". The seed is fixed, so a failure here reproduces with
/// <c>tests/fuzz/run.sh --seed 13 --count 1000</c>; longer runs use other seeds.
/// </summary>
public sealed class CorpusFuzzTests(ITestOutputHelper output)
{
    public const long Seed = 13;

    /// <summary>Inputs 0-999 of the seed, or as many as fit in 150 s of wall time.</summary>
    [Fact]
    public void A_thousand_mutated_inputs_neither_crash_nor_hang_nor_exhaust_memory()
    {
        var settings = new FuzzSettings(Seed, Count: 1000, Budget: TimeSpan.FromSeconds(150),
            Jobs: Environment.ProcessorCount, FuzzSettings.DefaultReproducerDirectory(Seed));
        var corpus = SeedCorpus.Load(RepositoryRoot.Path, RepositoryRoot.Shared);
        var cli = new LimitedCliProcess(FuzzCli.Path, ProcessLimits.Default);

        var report = new FuzzCampaign(corpus, cli, _ => { }).Run(settings);

        output.WriteLine(report.Summary());
        Assert.True(report.Inputs > 0 && report.Runs >= 2 * report.Inputs, report.Summary());
        Assert.True(report.Findings.Count == 0,
            report.Summary() + "\n" + string.Join("\n", report.Findings.Take(20).Select(finding => finding.Describe())));
    }
}
