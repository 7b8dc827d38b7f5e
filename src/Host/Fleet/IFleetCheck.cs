using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// A lint rule across the hosts of one run (<c>configlang lint hosts/*.nix</c>). Members come
/// ordered by file; a finding points at the definition in one host file and labels the
/// definitions in every other host file involved.
/// </summary>
public interface IFleetCheck
{
    IEnumerable<Diagnostic> Check(IReadOnlyList<FleetMember> members);
}
