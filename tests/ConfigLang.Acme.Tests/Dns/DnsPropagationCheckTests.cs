using System.Net;
using System.Net.Sockets;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>How the NixOS options select the propagation check, and how long it may wait.</summary>
public sealed class DnsPropagationCheckTests
{
    [Fact]
    public void Disabling_the_propagation_check_means_no_check_even_with_a_resolver()
    {
        Assert.Same(DnsPropagationCheck.None, DnsPropagationCheck.FromSettings(false, "127.0.0.1:8053"));
    }

    [Fact]
    public void A_resolver_setting_checks_at_those_resolvers_with_port_53_by_default()
    {
        var check = DnsPropagationCheck.FromSettings(true, "127.0.0.1:8053, 10.0.0.1", TimeSpan.FromSeconds(5));

        Assert.Equal("resolvers 127.0.0.1:8053, 10.0.0.1:53", check.Description);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Timeout);
    }

    [Fact]
    public void Without_a_resolver_the_zones_authoritative_servers_are_checked()
    {
        Assert.Equal("authoritative servers", DnsPropagationCheck.FromSettings(true, null).Description);
    }

    [Fact]
    public async Task Servers_that_never_answer_are_not_asked_once_the_timeout_is_spent()
    {
        // Bound, never read: every query to them goes unanswered and stays queued, so it can be counted.
        var silent = Enumerable.Range(0, 4).Select(_ => new UdpClient(new IPEndPoint(IPAddress.Loopback, 0))).ToList();
        try
        {
            var check = DnsPropagationCheck.AtResolvers(silent.Select(u => (IPEndPoint)u.Client.LocalEndPoint!).ToList(), TimeSpan.FromSeconds(1));
            var challenge = new ChallengeTask("www.example.org", "www.example.org", "token", "token.thumbprint");

            var error = await Assert.ThrowsAsync<DnsProviderException>(() => check.WaitAsync(challenge, default));

            Assert.Contains("TXT _acme-challenge.www.example.org. for 'www.example.org' not visible at", error.Message);
            Assert.EndsWith("after 1 s", error.Message);
            // The first query had the whole second (less than the 3 s a query may take); no time was left for the others.
            Assert.True(silent[0].Available > 0);
            Assert.All(silent.Skip(1), u => Assert.Equal(0, u.Available));
        }
        finally
        {
            foreach (var u in silent) u.Dispose();
        }
    }

    [Fact]
    public async Task A_failure_names_the_first_eight_servers_still_pending_and_counts_the_rest()
    {
        // A hostile zone may list hundreds of name servers: the error stays one short line.
        var silent = Enumerable.Range(0, 10).Select(_ => new UdpClient(new IPEndPoint(IPAddress.Loopback, 0))).ToList();
        try
        {
            var servers = silent.Select(u => (IPEndPoint)u.Client.LocalEndPoint!).ToList();
            var check = DnsPropagationCheck.AtResolvers(servers, TimeSpan.FromSeconds(1));
            var challenge = new ChallengeTask("www.example.org", "www.example.org", "token", "token.thumbprint");

            var error = await Assert.ThrowsAsync<DnsProviderException>(() => check.WaitAsync(challenge, default));

            Assert.Contains($"not visible at {string.Join(", ", servers.Take(8))} and 2 more after 1 s", error.Message);
        }
        finally
        {
            foreach (var u in silent) u.Dispose();
        }
    }

    [Fact]
    public async Task Finding_the_zones_name_servers_counts_against_the_timeout_too()
    {
        // The resolver the zone and its name servers are looked up at never answers: each lookup may take 3 s.
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var check = DnsPropagationCheck.AtAuthoritativeServers((IPEndPoint)silent.Client.LocalEndPoint!, timeout: TimeSpan.FromSeconds(1));
        var challenge = new ChallengeTask("www.example.org", "www.example.org", "token", "token.thumbprint");

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => check.WaitAsync(challenge, default));

        Assert.Equal("dns: the name servers to ask for TXT _acme-challenge.www.example.org. were not all found within 1 s", error.Message);
    }
}
