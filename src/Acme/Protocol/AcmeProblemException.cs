using System.Text;
using ConfigLang.Acme.Protocol.Resources;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// The server answered with a problem document. <see cref="Kind"/> gives the typed error,
/// <see cref="Problem"/> keeps the server's detail and subproblems; the message shows all of them.
/// </summary>
public sealed class AcmeProblemException : AcmeException
{
    public const string Prefix = "urn:ietf:params:acme:error:";

    public AcmeProblemException(AcmeProblem problem, int httpStatus, Uri? requestUrl, TimeSpan? retryAfter = null, string? context = null)
        : base(Describe(problem, httpStatus, context))
    {
        Problem = problem;
        HttpStatus = httpStatus;
        RequestUrl = requestUrl;
        RetryAfter = retryAfter;
        Kind = KindOf(problem.Type);
    }

    public AcmeProblem Problem { get; }

    public AcmeProblemKind Kind { get; }

    public int HttpStatus { get; }

    public Uri? RequestUrl { get; }

    /// <summary>The server's Retry-After (mostly with <see cref="AcmeProblemKind.RateLimited"/>).</summary>
    public TimeSpan? RetryAfter { get; }

    public IReadOnlyList<AcmeProblem> Subproblems => Problem.Subproblems ?? [];

    public static AcmeProblemKind KindOf(string? type)
    {
        if (type is null || !type.StartsWith(Prefix, StringComparison.Ordinal)) return AcmeProblemKind.Unknown;
        var name = type[Prefix.Length..];
        foreach (var kind in Enum.GetValues<AcmeProblemKind>())
        {
            if (string.Equals(kind.ToString(), name, StringComparison.OrdinalIgnoreCase)) return kind;
        }
        return AcmeProblemKind.Unknown;
    }

    /// <summary>Subproblems a message shows; the rest are counted (an order has one per name, a hostile answer any number).</summary>
    public const int SubproblemsShown = 10;

    /// <summary>
    /// "context: type: detail [identifier: type: detail; ...]" on one line, the server's text quoted
    /// bounded (<see cref="ServerText"/>); <see cref="Problem"/> keeps it whole.
    /// </summary>
    public static string Describe(AcmeProblem problem, int httpStatus = 0, string? context = null)
    {
        var text = new StringBuilder();
        if (context is not null) text.Append(context).Append(": ");
        text.Append(problem.Type is null ? "error" : ServerText.Quote(problem.Type, ServerText.FieldLength));
        if (httpStatus != 0) text.Append(" (HTTP ").Append(httpStatus).Append(')');
        if (!string.IsNullOrEmpty(problem.Detail)) text.Append(": ").Append(ServerText.Quote(problem.Detail, ServerText.DetailLength));
        if (problem.Subproblems is { Count: > 0 } subproblems)
        {
            text.Append(" [");
            for (var i = 0; i < subproblems.Count && i < SubproblemsShown; i++)
            {
                if (i > 0) text.Append("; ");
                var sub = subproblems[i];
                if (sub.Identifier is not null) text.Append(ServerText.Quote(sub.Identifier.Value, ServerText.FieldLength)).Append(": ");
                text.Append(ServerText.Quote(sub.Type, ServerText.FieldLength)).Append(": ").Append(ServerText.Quote(sub.Detail, ServerText.DetailLength));
            }
            if (subproblems.Count > SubproblemsShown) text.Append("; and ").Append(subproblems.Count - SubproblemsShown).Append(" more");
            text.Append(']');
        }
        return text.ToString();
    }
}
