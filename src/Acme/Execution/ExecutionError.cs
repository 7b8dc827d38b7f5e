using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// Why a certificate failed, typed: the ACME problem (when the CA sent one), the identifier and
/// challenge involved, and the request's <see cref="SourceTag"/> so the CLI can point at the
/// configuration that asked for it.
/// </summary>
public sealed record ExecutionError
{
    /// <summary>One line for humans (secrets already redacted by the solvers).</summary>
    public required string Message { get; init; }

    /// <summary>The ACME problem type, <see cref="AcmeProblemKind.Unknown"/> when there was none.</summary>
    public AcmeProblemKind ProblemKind { get; init; }

    /// <summary>The raw problem type URN, when the CA sent one.</summary>
    public string? ProblemType { get; init; }

    /// <summary>The name whose validation failed, if the failure was a challenge.</summary>
    public string? Identifier { get; init; }

    /// <summary>The challenge type that failed, if any.</summary>
    public string? ChallengeType { get; init; }

    /// <summary>The end of what the failing program (postRun) wrote, shown under the message.</summary>
    public OutputTail? Output { get; init; }

    /// <summary>True when the CA's HTTPS certificate was not trusted: trusting its CA (<c>--ca-file</c>) is the fix.</summary>
    public bool CaCertificateUntrusted { get; init; }

    /// <summary>The failing request's <see cref="Model.CertificateRequest.SourceTag"/>.</summary>
    public Model.SourceSite? SourceTag { get; init; }

    /// <summary>Classifies an exception thrown while ordering or installing.</summary>
    public static ExecutionError From(Exception error, Model.SourceSite? sourceTag) => error switch
    {
        ChallengeFailedException challenge => new ExecutionError
        {
            Message = challenge.Message,
            Identifier = challenge.Identifier,
            ChallengeType = challenge.ChallengeType,
            ProblemType = challenge.Problem?.Type,
            ProblemKind = AcmeProblemException.KindOf(challenge.Problem?.Type),
            SourceTag = sourceTag,
        },
        AcmeProblemException problem => new ExecutionError
        {
            Message = problem.Message,
            ProblemType = problem.Problem.Type,
            ProblemKind = problem.Kind,
            SourceTag = sourceTag,
        },
        AcmeConnectionException connection => new ExecutionError
        {
            Message = connection.Message,
            CaCertificateUntrusted = connection.UntrustedCertificate,
            SourceTag = sourceTag,
        },
        _ => new ExecutionError { Message = error.Message, SourceTag = sourceTag },
    };
}
