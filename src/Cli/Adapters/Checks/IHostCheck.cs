using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>
/// A lint rule NixOS does not assert, run on the resolved configuration. Findings point into
/// the host's files (<see cref="HostSources"/>: the host file and the files it imports).
/// </summary>
public interface IHostCheck
{
    IEnumerable<Diagnostic> Check(HostFacts facts, HostSources host);
}
