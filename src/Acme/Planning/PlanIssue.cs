namespace ConfigLang.Acme.Planning;

/// <summary>
/// A problem the planner found. It has no source span: the CLI finds the span from
/// <see cref="Certificate"/>, <see cref="Option"/> and <see cref="SourceTag"/> and turns the
/// issue into a diagnostic with code <see cref="Code"/> (CL31xx).
/// </summary>
/// <param name="Code">The stable code, e.g. <c>CL3101</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">One sentence for the user.</param>
/// <param name="Subject">What it is about, e.g. <c>certs."example.org".renewInterval</c>.</param>
/// <param name="Certificate">The certificate name, when the issue concerns one.</param>
/// <param name="Option">The option under the certificate (<c>renewInterval</c>, <c>domain</c>, …), if one is to blame.</param>
/// <param name="SourceTag">Where the configuration defines <see cref="Option"/> of the certificate (else the certificate): <see cref="Model.CertificateRequest.SiteOf"/>.</param>
public sealed record PlanIssue(
    string Code,
    PlanIssueSeverity Severity,
    string Message,
    string Subject,
    string? Certificate = null,
    string? Option = null,
    Model.SourceSite? SourceTag = null);
