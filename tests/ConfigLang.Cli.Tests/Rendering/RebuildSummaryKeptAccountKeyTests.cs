using System.Text.Json;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Planning;
using ConfigLang.Cli.Rendering.Rebuild;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// A host that joined a cluster holding another ACME account key says so in its summary, not only in
/// a progress line: a cron job or a JSON consumer learns that the host changed accounts, and where its
/// old key is (its account is still registered at the CA).
/// </summary>
public sealed class RebuildSummaryKeptAccountKeyTests
{
    private const string Kept = "/var/lib/acme/.accounts/abc/key.pem.before-cluster-20261207T082600Z";

    private static RebuildSummary Summary(params string[] kept) => new()
    {
        Plan = new Plan(DateTimeOffset.UnixEpoch, [], []),
        Certificates = [],
        KeptAccountKeys = kept,
        Result = RebuildResult.Succeeded,
    };

    [Fact]
    public void The_table_names_the_kept_key()
    {
        var text = RebuildSummaryWriter.Write(Summary(Kept), dryRun: false, clustered: true);
        Assert.Contains($"acme account: the cluster's key replaced this host's, kept as {Kept} (its account is still registered)\n", text);
        Assert.DoesNotContain("acme account:", RebuildSummaryWriter.Write(Summary(), dryRun: false, clustered: true));
    }

    [Fact]
    public void The_json_lists_it_and_an_empty_list_otherwise()
    {
        var kept = JsonDocument.Parse(RebuildJsonWriter.Write(Summary(Kept), dryRun: false)).RootElement.GetProperty("keptAccountKeys");
        Assert.Equal([Kept], kept.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, JsonDocument.Parse(RebuildJsonWriter.Write(Summary(), dryRun: false)).RootElement.GetProperty("keptAccountKeys").GetArrayLength());
    }
}
