using System.Text;
using ConfigLang.Acme.Model;
using ConfigLang.Shared;

namespace ConfigLang.Acme.Planning;

/// <summary>
/// The catalogue of planner issues, CL3100–CL3199 (the ACME layer's CL3xxx range; other parts
/// of the layer use other hundreds). One factory per code so wording and severity stay in one place.
/// </summary>
public static class PlanIssueCodes
{
    /// <summary>CL3101: a wildcard name with a challenge that cannot validate it.</summary>
    public const string WildcardNeedsDns = "CL3101";

    /// <summary>CL3102: <c>renewInterval</c> is not a systemd calendar expression.</summary>
    public const string InvalidRenewInterval = "CL3102";

    /// <summary>CL3103: the same name is in several certificates.</summary>
    public const string DomainInSeveralCertificates = "CL3103";

    /// <summary>CL3104: the certificate being served has expired.</summary>
    public const string CertificateExpired = "CL3104";

    /// <summary>CL3105: files on disk cannot be used.</summary>
    public const string UnusableFilesOnDisk = "CL3105";

    /// <summary>CL3106: <c>validMinDays</c> is at least the certificate lifetime, so every check renews.</summary>
    public const string RenewsOnEveryCheck = "CL3106";

    /// <summary>CL3107: a certificate without any domain.</summary>
    public const string NoDomains = "CL3107";

    /// <summary>CL3108: a certificate name that cannot be its directory's name (see <see cref="CertificateName"/>).</summary>
    public const string InvalidCertificateName = "CL3108";

    internal static PlanIssue WildcardNeedsDnsIssue(CertificateRequest request, Identifier wildcard)
    {
        // The challenge setting is what has to change (for dnsProvider), so the issue names it.
        var challenge = request.Challenge;
        var option = challenge.Webroot is not null ? "webroot" : challenge.ListenHttp is not null ? "listenHTTP"
            : challenge.ListenTls is not null ? "listenTLS" : challenge.S3Bucket is not null ? "s3Bucket" : "domain";
        return new(WildcardNeedsDns, PlanIssueSeverity.Error,
            $"'{wildcard}' is a wildcard name, which only dns-01 can validate, but certificate '{request.Name}' uses {ChallengeKinds.Format(request.Challenge.Kind)}; set dnsProvider",
            Subject(request.Name, option), request.Name, option, request.SiteOf(option));
    }

    internal static PlanIssue InvalidRenewIntervalIssue(CertificateRequest request, string why) => new(
        InvalidRenewInterval, PlanIssueSeverity.Error,
        $"renewInterval of certificate '{request.Name}' is not a systemd calendar expression: {why}",
        Subject(request.Name, "renewInterval"), request.Name, "renewInterval", request.SiteOf("renewInterval"));

    internal static PlanIssue DomainInSeveralCertificatesIssue(CertificateRequest request, Identifier domain, string firstCertificate) => new(
        DomainInSeveralCertificates, PlanIssueSeverity.Warning,
        $"'{domain}' is in certificate '{firstCertificate}' and in certificate '{request.Name}'; each order counts against the CA's rate limits",
        Subject(request.Name, "extraDomainNames"), request.Name, "extraDomainNames", request.SiteOf("extraDomainNames"));

    internal static PlanIssue CertificateExpiredIssue(CertificateRequest request, DateTimeOffset notAfter) => new(
        CertificateExpired, PlanIssueSeverity.Warning,
        $"the certificate '{request.Name}' on disk expired on {PlanText.Date(notAfter)}; clients see an expired certificate until it is renewed",
        Subject(request.Name, null), request.Name, null, request.SourceTag);

    internal static PlanIssue UnusableFilesIssue(CertificateRequest request, string problem) => new(
        UnusableFilesOnDisk, PlanIssueSeverity.Warning,
        $"the files of certificate '{request.Name}' cannot be used ({problem}); a new certificate will be ordered",
        Subject(request.Name, null), request.Name, null, request.SourceTag);

    internal static PlanIssue RenewsOnEveryCheckIssue(CertificateRequest request, int lifetimeDays) => new(
        RenewsOnEveryCheck, PlanIssueSeverity.Info,
        $"validMinDays ({request.ValidMinDays}) of certificate '{request.Name}' is not below its lifetime ({lifetimeDays} days), so every timer run renews it",
        Subject(request.Name, "validMinDays"), request.Name, "validMinDays", request.SiteOf("validMinDays"));

    internal static PlanIssue NoDomainsIssue(CertificateRequest request) => new(
        NoDomains, PlanIssueSeverity.Error,
        $"certificate '{request.Name}' has no domain",
        Subject(request.Name, "domain"), request.Name, "domain", request.SiteOf("domain"));

    internal static PlanIssue InvalidCertificateNameIssue(CertificateRequest request, string why) => new(
        InvalidCertificateName, PlanIssueSeverity.Error,
        $"certificate name {Shown(request.Name)} cannot name its directory /var/lib/acme/<name>: {why}; a name is 1 to 255 bytes without '/' or NUL, not starting with '.'",
        Subject(Shown(request.Name)[1..^1], null), request.Name, null, request.SourceTag);

    /// <summary>The name quoted, its acting characters (controls, bidi overrides, line separators) escaped
    /// by the rule every diagnostic uses, so they never reach a terminal raw.</summary>
    private static string Shown(string name)
    {
        var shown = new StringBuilder(name.Length + 2).Append('\'');
        foreach (var c in name)
        {
            if (ActingCharacters.Acts(c)) ActingCharacters.AppendEscaped(shown, c);
            else shown.Append(c);
        }
        return shown.Append('\'').ToString();
    }

    private static string Subject(string certificate, string? option) =>
        option is null ? $"certs.\"{certificate}\"" : $"certs.\"{certificate}\".{option}";
}
