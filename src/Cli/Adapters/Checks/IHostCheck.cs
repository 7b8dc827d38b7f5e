using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters.Checks;

/// <summary>
/// A lint rule NixOS does not assert, run on the resolved configuration. Findings point into
/// <paramref name="host"/> with <see cref="SourceSpanFinder"/>.
/// </summary>
public interface IHostCheck
{
    IEnumerable<Diagnostic> Check(HostFacts facts, SourceText host);
}
