using System.CommandLine;

namespace ConfigLang.Cli.Commands;

/// <summary>One sub-command of <c>configlang</c>. Implementations are registered with the
/// service collection and receive their dependencies through their constructor.</summary>
public interface ICliCommand
{
    Command Build();

    /// <summary>The streams on which this invocation's lines may be a CI runner's commands on purpose, so
    /// <see cref="Rendering.CommandMarkerGuard"/> leaves them alone: none, but for <c>eval</c> and <c>lint --format github</c>.</summary>
    RunnerCommandStreams StreamsWithRunnerCommands(ParseResult parseResult) => RunnerCommandStreams.None;
}
