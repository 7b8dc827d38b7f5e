using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>How the NixOS options select the propagation check.</summary>
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
}
