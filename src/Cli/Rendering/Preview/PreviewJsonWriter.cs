using System.Globalization;
using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;

namespace ConfigLang.Cli.Rendering.Preview;

/// <summary>
/// <c>preview --json</c> exactly as design/contracts.md shapes it: certificates sorted by name
/// with the fields in the contract's order, then the planner's issues as <c>warnings</c>
/// (objects with code, severity, message, subject). With a cluster each certificate also has
/// <c>cluster</c> (what the store holds for it) and the top level <c>cluster</c> (endpoints,
/// reachable, error). Written field by field (no reflection).
/// </summary>
public static class PreviewJsonWriter
{
    public static string Write(Plan plan, ClusterPreview? cluster = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("certificates");
            foreach (var step in plan.Steps.OrderBy(s => s.Name, StringComparer.Ordinal)) WriteStep(json, step, cluster);
            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var issue in plan.Issues)
            {
                json.WriteStartObject();
                json.WriteString("code", issue.Code);
                json.WriteString("severity", issue.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", issue.Message);
                json.WriteString("subject", issue.Subject);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (cluster is not null)
            {
                json.WriteStartObject("cluster");
                Strings(json, "endpoints", cluster.Endpoints.Select(e => e.OriginalString));
                json.WriteBoolean("reachable", cluster.Error is null);
                json.WriteString("error", cluster.Error);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteStep(Utf8JsonWriter json, PlanStep step, ClusterPreview? cluster)
    {
        var r = step.Request;
        json.WriteStartObject();
        json.WriteString("name", r.Name);
        Strings(json, "domains", r.Domains.Select(d => d.Value));
        json.WriteString("challenge", ChallengeKinds.Format(r.Challenge.Kind));
        json.WriteString("webroot", r.Challenge.Webroot);
        json.WriteString("listenHTTP", r.Challenge.ListenHttp);
        json.WriteString("dnsProvider", r.Challenge.DnsProvider);
        json.WriteString("server", r.Server is null ? null : Acme.Credentials.SecretRedactor.RedactUrlCredentials(r.Server));
        json.WriteString("email", r.Email);
        json.WriteString("keyType", KeyTypes.Format(r.KeyType));
        json.WriteNumber("validMinDays", r.ValidMinDays);
        json.WriteString("directory", r.Directory);
        json.WriteString("owner", r.Owner);
        json.WriteString("group", r.Group);
        Strings(json, "usedBy", r.UsedBy);
        Strings(json, "reloadServices", r.ReloadServices);
        json.WriteBoolean("hasPostRun", !string.IsNullOrWhiteSpace(r.PostRun));
        json.WriteString("action", PlanActions.Format(step.Action));
        json.WriteString("reason", step.Reason);
        json.WriteString("notAfter", step.NotAfter is { } notAfter ? Instant(notAfter) : null);
        if (cluster is not null)
        {
            if (cluster.Stored.TryGetValue(r.Name, out var stored))
            {
                json.WriteStartObject("cluster");
                json.WriteBoolean("stored", stored.Present);
                json.WriteBoolean("usable", stored.Usable);
                json.WriteString("reason", stored.Reason);
                json.WriteString("storedBy", stored.StoredBy);
                json.WriteString("notAfter", stored.NotAfter is { } end ? Instant(end) : null);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("cluster");
            }
        }
        json.WriteEndObject();
    }

    /// <summary>UTC, second precision, <c>Z</c> suffix.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
