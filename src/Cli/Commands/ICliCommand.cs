using System.CommandLine;

namespace ConfigLang.Cli.Commands;

/// <summary>One sub-command of <c>configlang</c>. Implementations are registered with the
/// service collection and receive their dependencies through their constructor.</summary>
public interface ICliCommand
{
    Command Build();
}
