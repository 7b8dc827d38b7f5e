using System.Net;
using System.Text.RegularExpressions;

namespace ConfigLang.Acme.Protocol;

/// <summary>What the client keeps of a successful HTTP exchange: status, body and the ACME headers.</summary>
internal sealed partial class AcmeResponse
{
    public AcmeResponse(HttpResponseMessage message, byte[] body, TimeProvider time)
    {
        Status = message.StatusCode;
        Body = body;
        Location = message.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(message.RequestMessage!.RequestUri!, location))
            : null;
        RetryAfter = Protocol.RetryAfter.From(message.Headers, time);
        var links = new List<(Uri, string)>();
        if (message.Headers.TryGetValues("Link", out var values))
        {
            foreach (var value in values)
            {
                foreach (Match match in LinkPattern().Matches(value))
                {
                    if (Uri.TryCreate(message.RequestMessage!.RequestUri, match.Groups[1].Value, out var target))
                        links.Add((target, match.Groups[2].Value));
                }
            }
        }
        Links = links;
    }

    public HttpStatusCode Status { get; }

    public byte[] Body { get; }

    public Uri? Location { get; }

    public TimeSpan? RetryAfter { get; }

    public IReadOnlyList<(Uri Target, string Rel)> Links { get; }

    public IEnumerable<Uri> LinksWithRel(string rel) =>
        Links.Where(l => string.Equals(l.Rel, rel, StringComparison.OrdinalIgnoreCase)).Select(l => l.Target);

    [GeneratedRegex("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?")]
    private static partial Regex LinkPattern();
}
