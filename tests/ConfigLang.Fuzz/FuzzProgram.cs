namespace ConfigLang.Fuzz;

/// <summary>
/// The long fuzzing run (tests/fuzz/run.sh passes the folders):
/// <c>--repo DIR --shared DIR --cli PATH [--seed N] [--count N] [--minutes M] [--jobs N] [--out DIR]</c>,
/// or <c>--replay FILE...</c> to send reproducers through every command again.
/// Exit 0 when nothing failed, 1 when something did, 2 on bad arguments.
/// </summary>
public static class FuzzProgram
{
    public static int Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var replay = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--replay") { replay.AddRange(args[(i + 1)..]); break; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"fuzz: unexpected argument '{args[i]}'");
                return 2;
            }
            options[args[i][2..]] = args[++i];
        }
        if (!options.TryGetValue("cli", out var cliPath))
        {
            Console.Error.WriteLine("fuzz: --cli PATH is required");
            return 2;
        }
        var limits = ProcessLimits.Default with { CpuTime = TimeSpan.FromSeconds(Number(options, "cpu-seconds", 10)) };
        var cli = new LimitedCliProcess(Path.GetFullPath(cliPath), limits);
        return replay.Count > 0 ? Replay(cli, replay) : Fuzz(cli, options);
    }

    private static int Fuzz(LimitedCliProcess cli, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("repo", out var repository) || !options.TryGetValue("shared", out var shared))
        {
            Console.Error.WriteLine("fuzz: --repo DIR and --shared DIR are required");
            return 2;
        }
        var seed = Number(options, "seed", Environment.TickCount64);
        var settings = new FuzzSettings(
            seed,
            (int)Number(options, "count", 10_000),
            TimeSpan.FromMinutes(Number(options, "minutes", 10)),
            (int)Number(options, "jobs", Environment.ProcessorCount),
            options.GetValueOrDefault("out") ?? FuzzSettings.DefaultReproducerDirectory(seed));
        var corpus = SeedCorpus.Load(repository, shared);
        Console.WriteLine($"fuzz: seed {seed}, up to {settings.Count} inputs or {settings.Budget.TotalMinutes} minutes, " +
            $"{corpus.Inputs.Count} seed files, {settings.Jobs} jobs, reproducers in {settings.ReproducerDirectory}");
        var report = new FuzzCampaign(corpus, cli, message => Console.WriteLine(message)).Run(settings);
        Console.Write(report.Summary());
        return report.Findings.Count == 0 ? 0 : 1;
    }

    private static int Replay(LimitedCliProcess cli, List<string> files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file);
            foreach (var arguments in CliCommands.All(path))
            {
                var outcome = cli.Run(arguments, Path.GetDirectoryName(path)!);
                var failure = Failure.Of(outcome, CliCommands.Name(arguments));
                Console.WriteLine($"{(failure is null ? "ok  " : "FAIL")} {file}: {CliCommands.Name(arguments)}: " +
                    $"exit {outcome.ExitCode}, {outcome.CpuTime.TotalSeconds:F1} s{(failure is null ? "" : ", " + failure.Kind + ": " + failure.Detail)}");
                if (failure is not null) failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static long Number(Dictionary<string, string> options, string name, long fallback) =>
        options.TryGetValue(name, out var text) ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
