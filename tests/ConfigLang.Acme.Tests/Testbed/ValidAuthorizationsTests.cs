using ConfigLang.Acme.Client;
using ConfigLang.Acme.Execution;
using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Storage;
using ConfigLang.Acme.Tests.Execution;
using ConfigLang.Acme.Tests.Storage;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// <see cref="ValidAuthorizations"/> against a private pebble that reuses every valid
/// authorization (PEBBLE_AUTHZREUSE=100): the same host renewing is handed the authorization it
/// proved, until the helper deactivates it, and then validates the name again.
/// </summary>
public sealed class ValidAuthorizationsTests
{
    [Fact]
    public async Task A_renewal_reuses_the_proved_authorization_until_the_helper_deactivates_it_then_the_name_is_validated_again()
    {
        await using var bed = await Testbed.StartAsync(new Dictionary<string, string> { ["PEBBLE_AUTHZREUSE"] = "100" });
        using var root = new TempRoot(withUsers: false);
        var name = bed.UniqueName("reuse");
        var request = new CertificateRequest
        {
            Name = name, Domains = [Identifier.Dns(name)],
            Challenge = new ChallengeSettings { Kind = ChallengeKind.Http01, ListenHttp = $"127.0.0.1:{bed.Http01Port}" },
            Server = bed.DirectoryUrl.AbsoluteUri, Email = "admin@example.test", Group = "acme", SourceTag = new SourceSite("tag:" + name, 1, 1),
        };
        var options = ExecutorRequests.Options() with { Groups = [new("acme")] };
        var services = new RecordingServiceManager(root.Path).Manager;

        var issued = await RunAsync(new PlanExecutor(root.Path, TimeProvider.System, PlanExecutor.ClientsTrusting(bed.HttpsCa), services), request, options);
        Assert.Contains(OrderStage.ChallengePresented, issued);

        // Ten days before the end: inside validMinDays, so each renew orders the same name again with the same account.
        var late = new FakeClock(new CertificateStore(root.Path).Read(name)!.NotAfter.AddDays(-10));
        var renewer = new PlanExecutor(root.Path, late, PlanExecutor.ClientsTrusting(bed.HttpsCa), services);
        var renew = options with { Mode = RebuildMode.Renew };

        var reused = await RunAsync(renewer, request, renew);

        // Every authorization reused: pebble answers the new order as ready, nothing is presented.
        Assert.Equal([OrderStage.Started, OrderStage.OrderCreated, OrderStage.Finalizing, OrderStage.Downloading, OrderStage.Completed], reused);

        Assert.Equal(1, await ValidAuthorizations.DeactivateForRootAsync(bed, root.Path));
        var validated = await RunAsync(renewer, request, renew);

        Assert.Contains(OrderStage.ChallengePresented, validated);
        Assert.Contains(OrderStage.ChallengeValid, validated);
    }

    /// <summary>One run that must install the certificate; the order stages it went through.</summary>
    private static async Task<List<OrderStage>> RunAsync(PlanExecutor executor, CertificateRequest request, RebuildOptions options)
    {
        var stages = new List<OrderStage>();
        var summary = await executor.RunAsync([request], options,
            new SynchronousProgress<RebuildProgress>(p => { if (p.Order is { } order) stages.Add(order.Stage); }));
        var outcome = Assert.Single(summary.Certificates);
        Assert.True(outcome.Kind == CertificateOutcomeKind.Installed, $"{outcome.Action} {outcome.Kind} {outcome.Error?.Message}");
        return stages;
    }
}
