using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// Whether a certificate stored in the cluster can be installed instead of ordering: the planner
/// judges it exactly as it judges the files on disk (names and their order, key type, the
/// validMinDays rule), so a stored certificate is used only when the planner would keep it.
/// </summary>
public sealed record StoredCertificateFit(bool Usable, string Reason, DateTimeOffset? NotAfter)
{
    /// <summary>Plans <paramref name="request"/> as if <paramref name="stored"/> were on disk.</summary>
    public static StoredCertificateFit Of(CertificateRequest request, SharedCertificate stored, TimeProvider clock)
    {
        var names = stored.Names.Select(Identifier.Dns).ToArray();
        var observed = ObservedCertificateReader.FromMaterial(request.Name, stored.Material, names);
        var step = new CertificatePlanner(clock).CreatePlan([request], _ => observed).Steps.Single();
        return new StoredCertificateFit(step.Action == PlanAction.Keep, step.Reason, step.NotAfter ?? (observed.IsUsable ? observed.NotAfter : null));
    }
}
