using System.Text;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Planning;
using ConfigLang.Cli.Rendering.Preview;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.Rebuild;

/// <summary>
/// The result of rebuild/renew for people: in a dry run the plan (as <c>preview</c> prints it, with
/// its CLUSTER column for a host in a cluster),
/// otherwise one row per certificate (name, planned action, outcome, expiry, reason or error),
/// then account changes and reloaded services; with a cluster, how many certificates this host
/// ordered and how many it installed from the cluster. Names, reasons, account changes, services and
/// issues come from the configuration or the CA: each is shown on one line with its control characters
/// escaped (<see cref="TerminalText.EscapeLine"/>; the table's cells by <see cref="PlainTable"/>, before the columns are measured).
/// </summary>
public static class RebuildSummaryWriter
{
    private static readonly string[] Header = ["CERTIFICATE", "ACTION", "RESULT", "NOT AFTER", "DETAIL"];

    /// <param name="summary">The run.</param>
    /// <param name="dryRun">A dry run prints the plan instead.</param>
    /// <param name="reloads">False under <c>--service-manager none</c>: the units are named, not claimed as reloaded.</param>
    /// <param name="clustered">The host is in a cluster: the summary counts orders and certificates taken from it.</param>
    /// <param name="dryRunCluster">In a dry run of a host in a cluster: what the cluster holds (preview's CLUSTER column).</param>
    public static string Write(RebuildSummary summary, bool dryRun, bool reloads = true, bool clustered = false, ClusterPreview? dryRunCluster = null)
    {
        if (dryRun) return PreviewTableWriter.Write(summary.Plan, dryRunCluster);
        var planned = summary.Plan.Steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var rows = summary.Certificates.Select(c => new[]
        {
            c.Name,
            PlanActions.Format(c.Action),
            Outcome(c.Kind),
            // A kept certificate was not ordered: its expiry is the one on disk, as preview shows it.
            (c.NotAfter ?? (planned.TryGetValue(c.Name, out var step) ? step.NotAfter : null)) is { } n ? PreviewJsonWriter.Instant(n) : "-",
            Detail(c, summary.Result),
        });
        var text = new StringBuilder();
        PlainTable.Append(text, Header, rows);
        foreach (var change in summary.AccountChanges) text.Append("accounts: ").Append(TerminalText.EscapeLine(change)).Append('\n');
        foreach (var kept in summary.KeptAccountKeys)
            text.Append("acme account: the cluster's key replaced this host's, kept as ").Append(TerminalText.EscapeLine(kept)).Append(" (its account is still registered)\n");
        if (summary.ReloadedServices.Count > 0)
        {
            text.Append(reloads ? "reloaded: " : "not reloaded (--service-manager none), would reload: ")
                .Append(TerminalText.EscapeLine(string.Join(", ", summary.ReloadedServices))).Append('\n');
        }
        if (clustered) text.Append($"orders: {summary.Orders}; installed from the cluster: {FromCluster(summary)}\n");
        PlainTable.AppendIssues(text, summary.Plan.Issues);
        return text.ToString();
    }

    /// <summary>The planner's reason, and what became of it; an error's message is printed once, on stderr, not here.</summary>
    private static string Detail(CertificateOutcome c, RebuildResult result) => c.Kind switch
    {
        CertificateOutcomeKind.Failed => $"{c.Reason}; the error is reported on stderr",
        CertificateOutcomeKind.Skipped when result == RebuildResult.PlanRejected => $"{c.Reason}; skipped: the plan has errors",
        CertificateOutcomeKind.Skipped => $"{c.Reason}; skipped: renew does not {PlanActions.Format(c.Action)}, rebuild does",
        _ when c.Error is not null => $"{c.Reason}; the error is reported on stderr",
        _ => c.PostRunRetried ? c.Reason + "; the pending postRun succeeded" : c.Reason,
    };

    /// <summary>Certificates another host of the cluster had ordered, installed here without an order.</summary>
    public static int FromCluster(RebuildSummary summary) => summary.Certificates.Count(c => c.Kind == CertificateOutcomeKind.InstalledFromCluster);

    /// <summary>The RESULT column's word (and the JSON's <c>result</c>).</summary>
    public static string Outcome(CertificateOutcomeKind kind) => kind switch
    {
        CertificateOutcomeKind.Unchanged => "unchanged",
        CertificateOutcomeKind.Installed => "installed",
        CertificateOutcomeKind.InstalledSame => "same",
        CertificateOutcomeKind.InstalledFromCluster => "from cluster",
        CertificateOutcomeKind.Skipped => "skipped",
        _ => "FAILED",
    };
}
