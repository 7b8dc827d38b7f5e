namespace ConfigLang.Cli.Commands;

/// <summary>The console streams whose lines may start with a CI runner's command marker on purpose.</summary>
[Flags]
public enum RunnerCommandStreams
{
    None = 0,
    StandardOutput = 1,
    StandardError = 2,
    Both = StandardOutput | StandardError,
}
