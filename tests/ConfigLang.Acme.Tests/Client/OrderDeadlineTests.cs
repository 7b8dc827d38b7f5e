using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Client;

/// <summary>
/// The whole-order deadline leaves room for the waits a solver declares: a provider's own
/// propagation timeout (Namecheap's hour) must not be cut short by the order's 30 minutes.
/// </summary>
public sealed class OrderDeadlineTests : IDisposable
{
    // Never asked anything: the deadline is computed before the first request.
    private readonly AcmeClient _client = new(new Uri("https://acme.invalid/directory"), new HttpClient(), disposeHttpClient: true);

    private readonly AcmeAccount _account = AcmeAccount.Generate();

    private CertificateOrderer Orderer() => new(_client, _account);

    public void Dispose()
    {
        _client.Dispose();
        _account.Dispose();
    }

    [Fact]
    public void An_http01_solver_gets_the_base_deadline()
    {
        Assert.Equal(CertificateOrderer.DefaultDeadline, Orderer().DeadlineFor(new WebrootHttp01Solver("/nonexistent"), 3));
    }

    [Fact]
    public void A_dns_provider_with_an_hour_of_propagation_gets_the_hour_on_top_once_for_names_presented_together()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromHours(1)), Check);

        var limit = Orderer().DeadlineFor(solver, 3);

        Assert.Equal(TimeSpan.FromMinutes(30) + TimeSpan.FromHours(1), limit);
    }

    [Fact]
    public void The_propagation_timeout_bounds_the_check_and_is_counted_once()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromMinutes(20)), Check);

        // The provider returns once written; the check (given the provider's timeout) waits up to 20 minutes.
        Assert.Equal(TimeSpan.FromMinutes(50), Orderer().DeadlineFor(solver, 1));
    }

    [Fact]
    public void A_providers_own_wait_is_added_to_the_checks()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromMinutes(20), ownWait: TimeSpan.FromMinutes(5)), Check);

        Assert.Equal(TimeSpan.FromMinutes(55), Orderer().DeadlineFor(solver, 1));
    }

    [Fact]
    public void Without_a_propagation_check_nothing_waits_for_the_propagation_timeout()
    {
        Assert.Equal(CertificateOrderer.DefaultDeadline, Orderer().DeadlineFor(new Dns01Solver(new WaitingProvider(TimeSpan.FromHours(1))), 3));
    }

    [Fact]
    public void A_provider_taking_one_name_at_a_time_gets_its_wait_and_interval_once_per_name()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromMinutes(10), oneAtATime: true, interval: TimeSpan.FromMinutes(1)), Check);

        Assert.Equal(TimeSpan.FromMinutes(30 + 3 * 11), Orderer().DeadlineFor(solver, 3));
    }

    [Fact]
    public void A_huge_declared_wait_saturates_at_the_cap()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromDays(3650), oneAtATime: true, interval: TimeSpan.FromDays(3650)), Check);

        Assert.Equal(CertificateOrderer.MaxDeadline, Orderer().DeadlineFor(solver, 1000));
    }

    // Never asked: the deadline only reads its timeout.
    private static DnsPropagationCheck Check { get; } = DnsPropagationCheck.AtResolvers([]);

    private sealed class WaitingProvider(TimeSpan propagationTimeout, bool oneAtATime = false, TimeSpan interval = default, TimeSpan ownWait = default) : IDnsProvider
    {
        public string Name => "waiting";

        public TimeSpan? PropagationTimeout => propagationTimeout;

        public TimeSpan OwnWait => ownWait;

        public bool HoldsOneValuePerName => oneAtATime;

        public TimeSpan SequenceInterval => interval;

        public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
