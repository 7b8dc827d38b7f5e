using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Fleet;

/// <summary>
/// The same set of names ordered from Let's Encrypt production by several hosts, not shared
/// through one cluster (the same endpoints and prefix, the same certificate name): each host
/// orders its own certificate, and Let's Encrypt issues at most 5 for one set of names every 7
/// days, so a pool of six hosts fails on its first deployment. (Duplicates within one host are
/// <see cref="Checks.DuplicateCertificateCheck"/>'s.)
/// </summary>
public sealed class DuplicateCertificateAcrossHostsCheck : IFleetCheck
{
    public const int MaxDuplicatesPerWeek = 5;

    public IEnumerable<Diagnostic> Check(IReadOnlyList<FleetMember> members)
    {
        var groups = members
            .SelectMany(m => m.Certs.Where(c => c.LetsEncryptProduction).Select(c => (Member: m, Cert: c)))
            .GroupBy(e => string.Join(", ", e.Cert.Names), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var entries = group.ToList();
            var hosts = entries.Select(e => e.Member.File).Distinct().Count();
            var orders = entries.Select(e => e.Member.OrderKey(e.Cert)).Distinct().ToList();
            if (hosts < 2 || orders.Count < 2) continue;
            var first = entries[0];
            // The first host of each order, to name it where another host shares that order.
            var orderedBy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in entries) orderedBy.TryAdd(e.Member.OrderKey(e.Cert), e.Member.File);
            var others = entries.Skip(1).Select(e => (e.Cert.Location, orderedBy[e.Member.OrderKey(e.Cert)] is var by && by != e.Member.File
                ? $"the same names (\"{e.Cert.Name}\"), ordered once with {Path.GetFileName(by)} through their cluster"
                : $"the same names (\"{e.Cert.Name}\"), ordered separately here"));
            yield return FleetFinding.Warning(LintCodes.DuplicateCertificateAcrossHosts,
                $"{hosts} hosts order the same names ({group.Key}) in {orders.Count} separate orders; Let's Encrypt issues at most {MaxDuplicatesPerWeek} certificates for one set of names every 7 days",
                first.Cert.Location, others,
                $"share one certificate: enable `security.acme.cluster' on these hosts with the same endpoints and prefix, and give the certificate the same name on each (\"{first.Cert.Name}\")",
                FleetFinding.CertOption(first.Cert.Name));
        }
    }
}
