using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// A lint rule NixOS does not assert, run on the resolved configuration. Findings point at the
/// user's definition that decides them (<see cref="HostFacts.Locate"/>, <see cref="HostFacts.LocateCert"/>).
/// </summary>
public interface IHostCheck
{
    IEnumerable<Diagnostic> Check(HostFacts facts);
}
