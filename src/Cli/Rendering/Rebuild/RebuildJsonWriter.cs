using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Planning;
using ConfigLang.Cli.Rendering.Preview;

namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>
/// <c>rebuild --format json</c> / <c>renew --format json</c>: one object per certificate (name,
/// planned action, result, whether it was <c>ordered</c> from the CA or taken from the
/// <c>cluster</c>, expiry, detail, error), then the number of orders and of certificates installed
/// from the cluster, reloads, account changes and errors that belong to no certificate. A dry
/// run prints the plan as <c>preview --json</c> does (with its <c>cluster</c> fields for a host in
/// a cluster). Written field by field (no reflection).
/// </summary>
public static class RebuildJsonWriter
{
    /// <param name="dryRunCluster">In a dry run of a host in a cluster: what the cluster holds (preview's <c>cluster</c> fields).</param>
    public static string Write(RebuildSummary summary, bool dryRun, ClusterPreview? dryRunCluster = null)
    {
        if (dryRun) return PreviewJsonWriter.Write(summary.Plan, dryRunCluster);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("certificates");
            foreach (var c in summary.Certificates)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteString("action", PlanActions.Format(c.Action));
                json.WriteString("result", RebuildSummaryWriter.Outcome(c.Kind));
                json.WriteString("source", c.Ordered ? "ordered" : c.Kind == CertificateOutcomeKind.InstalledFromCluster ? "cluster" : null);
                json.WriteString("notAfter", c.NotAfter is { } n ? PreviewJsonWriter.Instant(n) : null);
                json.WriteString("detail", c.Reason);
                json.WriteString("error", c.Error?.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("orders", summary.Orders);
            json.WriteNumber("installedFromCluster", RebuildSummaryWriter.FromCluster(summary));
            Strings(json, "reloaded", summary.ReloadedServices);
            Strings(json, "accountChanges", summary.AccountChanges);
            Strings(json, "keptAccountKeys", summary.KeptAccountKeys);
            Strings(json, "errors", summary.OtherErrors);
            json.WriteNumber("exitCode", summary.ExitCode);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
