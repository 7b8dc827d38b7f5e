using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Client;

/// <summary>
/// The whole-order deadline leaves room for the waits a solver declares: a provider's own
/// propagation timeout (Namecheap's hour) must not be cut short by the order's 30 minutes.
/// </summary>
public sealed class OrderDeadlineTests
{
    private static CertificateOrderer Orderer()
    {
        // Never asked anything: the deadline is computed before the first request.
        var client = new AcmeClient(new Uri("https://acme.invalid/directory"), new HttpClient(), disposeHttpClient: true);
        return new CertificateOrderer(client, AcmeAccount.Generate());
    }

    [Fact]
    public void An_http01_solver_gets_the_base_deadline()
    {
        Assert.Equal(CertificateOrderer.DefaultDeadline, Orderer().DeadlineFor(new WebrootHttp01Solver("/nonexistent"), 3));
    }

    [Fact]
    public void A_dns_provider_with_an_hour_of_propagation_gets_the_hour_on_top_once_for_names_presented_together()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromHours(1)));

        var limit = Orderer().DeadlineFor(solver, 3);

        Assert.Equal(TimeSpan.FromMinutes(30) + TimeSpan.FromHours(1), limit);
    }

    [Fact]
    public void The_propagation_check_wait_is_added_to_the_providers_own()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromMinutes(20)), DnsPropagationCheck.AtResolvers([]));

        // The provider may wait its 20 minutes, then the check (given the provider's timeout) its own 20.
        Assert.Equal(TimeSpan.FromMinutes(70), Orderer().DeadlineFor(solver, 1));
    }

    [Fact]
    public void A_provider_taking_one_name_at_a_time_gets_its_wait_and_interval_once_per_name()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromMinutes(10), oneAtATime: true, interval: TimeSpan.FromMinutes(1)));

        Assert.Equal(TimeSpan.FromMinutes(30 + 3 * 11), Orderer().DeadlineFor(solver, 3));
    }

    [Fact]
    public void A_huge_declared_wait_saturates_at_the_cap()
    {
        var solver = new Dns01Solver(new WaitingProvider(TimeSpan.FromDays(3650), oneAtATime: true, interval: TimeSpan.FromDays(3650)));

        Assert.Equal(CertificateOrderer.MaxDeadline, Orderer().DeadlineFor(solver, 1000));
    }

    private sealed class WaitingProvider(TimeSpan propagationTimeout, bool oneAtATime = false, TimeSpan interval = default) : IDnsProvider
    {
        public string Name => "waiting";

        public TimeSpan? PropagationTimeout => propagationTimeout;

        public bool HoldsOneValuePerName => oneAtATime;

        public TimeSpan SequenceInterval => interval;

        public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
