using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// Hosts that validate one name differently (HTTP-01 on one, DNS-01 on another, or DNS-01
/// through different providers): the name's DNS zone lives at one provider and its traffic goes
/// to particular machines, so the hosts cannot all be right, and in a cluster whichever host
/// takes the lock decides how the name is validated. Names whose hosts, certificates and
/// challenges are the same make one finding; it points at the first host's challenge (in file
/// order) and labels the others.
/// </summary>
public sealed class ConflictingChallengesAcrossHostsCheck : IFleetCheck
{
    public IEnumerable<Diagnostic> Check(IReadOnlyList<FleetMember> members)
    {
        var conflicts = members
            .SelectMany(m => m.Certs.Where(c => c.Challenge is not null).SelectMany(c => c.Names.Select(n => (Name: n, Member: m, Cert: c))))
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .Where(g => g.Select(e => e.Member.File).Distinct().Count() >= 2 && g.Select(e => e.Cert.Challenge).Distinct().Count() >= 2)
            .Select(g => (Name: g.Key, Entries: g.ToList()))
            // Names that the same certificates of the same hosts carry conflict for one reason.
            .GroupBy(c => string.Join('\n', c.Entries.Select(e => $"{e.Member.File}\0{e.Cert.Name}")), StringComparer.Ordinal);
        foreach (var conflict in conflicts)
        {
            var names = string.Join(", ", conflict.Select(c => c.Name));
            var entries = conflict.First().Entries;
            var first = entries[0];
            var challenges = string.Join(" and ", entries.Select(e => e.Cert.Challenge).Distinct());
            yield return FleetFinding.Warning(LintCodes.ConflictingChallengesAcrossHosts,
                $"{entries.Select(e => e.Member.File).Distinct().Count()} hosts validate {names} with different challenges ({challenges}; {first.Cert.Challenge} here): the name's DNS zone and traffic can match only one of them, so the other hosts' orders fail",
                first.Cert.ChallengeLocation,
                entries.Skip(1).Select(e => (e.Cert.ChallengeLocation, $"validated over {e.Cert.Challenge} here (\"{e.Cert.Name}\")")),
                $"validate it the same way on every host (the same challenge and DNS provider), e.g. from a module the hosts import",
                FleetFinding.CertOption(first.Cert.Name, first.Cert.ChallengeOption));
        }
    }
}
