namespace ConfigLang.Fuzz;

/// <summary>A failure the fuzzer found: which input (seed and index), the command, and where its reproducer was written.</summary>
public sealed record Finding(long Seed, long Index, Mutant Mutant, string[] Arguments, Failure Failure, ProcessOutcome Outcome, string ReproducerPath)
{
    /// <summary>The report for one finding: what to run to see it again, and the head of what the CLI printed.</summary>
    public string Describe()
    {
        var head = string.Join('\n', Outcome.StderrHead.Split('\n').Take(8).Select(line => line.Length > 200 ? line[..200] + "..." : line));
        return $"""
            {Failure.Kind}: {Failure.Detail}
              reproducer: {ReproducerPath} ({Mutant.Content.Length} bytes, from {Mutant.Seed.Name}: {Mutant.Mutations})
              seed {Seed}, input {Index}: configlang {CliCommands.Name(Arguments)} {ReproducerPath}
              exit {Outcome.ExitCode}, {Outcome.CpuTime.TotalSeconds:F1} s processor, {Outcome.PeakResidentBytes >> 20} MiB, stderr {Outcome.StderrBytes} bytes:
                {head.Replace("\n", "\n    ", StringComparison.Ordinal)}
            """;
    }
}
