using System.Diagnostics;

namespace ConfigLang.Fuzz;

/// <summary>
/// Makes the inputs of a run and sends each through the CLI commands, on <c>Jobs</c> workers.
/// Input <c>i</c> depends only on the seed and <c>i</c>, so a finding reproduces whatever the
/// number of workers or the speed of the machine; the budget only decides how far a run gets.
/// </summary>
public sealed class FuzzCampaign(SeedCorpus corpus, LimitedCliProcess cli, Action<string> log)
{
    private readonly Mutator _mutator = new(corpus);

    /// <summary>The mutant that input <paramref name="index"/> of <paramref name="seed"/> is, and the random numbers that follow it.</summary>
    public (Mutant Mutant, FuzzRandom Random) Input(long seed, long index)
    {
        var random = FuzzRandom.ForInput(seed, index);
        return (_mutator.Make(random), random);
    }

    public FuzzReport Run(FuzzSettings settings)
    {
        Directory.CreateDirectory(settings.ReproducerDirectory);
        var clock = Stopwatch.StartNew();
        var findings = new List<Finding>();
        var next = -1;
        var inputs = 0;
        var runs = 0;
        var workers = Enumerable.Range(0, Math.Max(1, settings.Jobs)).Select(worker => Task.Run(() =>
        {
            var folder = Directory.CreateTempSubdirectory("configlang-fuzz-work-").FullName;
            try
            {
                int index;
                while (clock.Elapsed < settings.Budget && (index = Interlocked.Increment(ref next)) < settings.Count)
                {
                    var (mutant, random) = Input(settings.Seed, index);
                    var file = Path.Combine(folder, "input.nix");
                    File.WriteAllBytes(file, mutant.Content);
                    foreach (var arguments in CliCommands.For(mutant.Seed.Kind, file, random))
                    {
                        var outcome = cli.Run(arguments, folder);
                        Interlocked.Increment(ref runs);
                        if (Failure.Of(outcome, CliCommands.Name(arguments)) is not { } failure) continue;
                        var finding = Record(settings, index, mutant, arguments, failure, outcome);
                        lock (findings) findings.Add(finding);
                        log(finding.Describe());
                    }
                    Interlocked.Increment(ref inputs);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        })).ToArray();
        Task.WaitAll(workers);
        // A clean run leaves nothing behind in the temporary folder.
        if (!Directory.EnumerateFileSystemEntries(settings.ReproducerDirectory).Any()) Directory.Delete(settings.ReproducerDirectory);
        var ordered = findings.OrderBy(finding => finding.Index).ThenBy(finding => string.Join(' ', finding.Arguments)).ToList();
        return new FuzzReport(settings, inputs, runs, clock.Elapsed, ordered);
    }

    /// <summary>Writes the reproducer as <c>seed-S-input-I.nix</c>, with a <c>.txt</c> beside it saying what failed.</summary>
    private static Finding Record(FuzzSettings settings, long index, Mutant mutant, string[] arguments, Failure failure, ProcessOutcome outcome)
    {
        var path = Path.Combine(settings.ReproducerDirectory, $"seed-{settings.Seed}-input-{index}.nix");
        File.WriteAllBytes(path, mutant.Content);
        var finding = new Finding(settings.Seed, index, mutant, [.. arguments[..^1], path], failure, outcome, path);
        File.AppendAllText(Path.ChangeExtension(path, ".txt"), finding.Describe() + "\n");
        return finding;
    }
}
