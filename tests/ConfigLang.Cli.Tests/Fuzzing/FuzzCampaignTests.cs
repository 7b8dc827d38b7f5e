using ConfigLang.Fuzz;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Fuzzing;

/// <summary>A whole campaign against stand-ins for the CLI: what it writes for a failure, and that a clean run leaves nothing.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FuzzCampaignTests : IDisposable
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Load(RepositoryRoot.Path, RepositoryRoot.Shared);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("configlang-fuzz-campaign-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Each_failing_run_leaves_its_input_and_a_note_with_seed_index_and_command()
    {
        // Crashes on every input holding a NUL byte, as a parser with that bug would.
        var cli = Cli("if grep -qaP '\\x00' \"${@: -1}\"; then kill -SEGV $$; fi; exit 1");
        var settings = new FuzzSettings(13, Count: 60, Budget: TimeSpan.FromMinutes(2), Jobs: 2, Path.Combine(_folder.FullName, "found"));

        var report = new FuzzCampaign(Corpus, cli, _ => { }).Run(settings);

        Assert.Equal(60, report.Inputs);
        Assert.NotEmpty(report.Findings);
        Assert.All(report.Findings, finding =>
        {
            Assert.Equal(FailureKind.Signal, finding.Failure.Kind);
            Assert.Contains((byte)0, File.ReadAllBytes(finding.ReproducerPath));
            var note = File.ReadAllText(Path.ChangeExtension(finding.ReproducerPath, ".txt"));
            Assert.Contains($"seed 13, input {finding.Index}: configlang {CliCommands.Name(finding.Arguments)} {finding.ReproducerPath}", note, StringComparison.Ordinal);
        });
        var withNul = Enumerable.Range(0, 60).Where(index => new FuzzCampaign(Corpus, cli, _ => { }).Input(13, index).Mutant.Content.Contains((byte)0));
        Assert.Equal(withNul, report.Findings.Select(finding => (int)finding.Index).Distinct());
        Assert.Contains("Signal in 'eval --parse': signal N", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_run_leaves_no_folder_behind()
    {
        var settings = new FuzzSettings(13, Count: 10, Budget: TimeSpan.FromMinutes(1), Jobs: 2, Path.Combine(_folder.FullName, "found"));

        var report = new FuzzCampaign(Corpus, Cli("exit 0"), _ => { }).Run(settings);

        Assert.Equal(10, report.Inputs);
        Assert.Empty(report.Findings);
        Assert.False(Directory.Exists(settings.ReproducerDirectory));
    }

    private LimitedCliProcess Cli(string script) => new(FakeCli.Write(_folder.FullName, script), ProcessLimits.Default);
}
