using System.Net;
using ConfigLang.Acme.Client;

namespace ConfigLang.Acme.Tests.Client;

/// <summary>The one rule by which a server's name (authorization, certificate SAN) is an ordered name.</summary>
public sealed class SameNameTests
{
    [Theory]
    [InlineData("WWW.Example.org.", "www.example.org")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("*.bücher.example", "*.XN--BCHER-KVA.example.")]
    [InlineData("::1", "0:0:0:0:0:0:0:1")]
    public void Spellings_the_CA_treats_as_one_name_are_the_same(string ordered, string name)
    {
        Assert.True(SameName.Is(ordered, name));
    }

    [Theory]
    [InlineData("a.example.org", "example.org")]
    [InlineData("192.0.2.1", "192.0.2.10")]
    [InlineData("192.0.2.1", "192.0.2.1.example")]
    [InlineData("a.example.org", "")]
    public void Other_names_are_not(string ordered, string name)
    {
        Assert.False(SameName.Is(ordered, name));
    }

    [Fact]
    public void An_ordered_address_matches_a_SAN_address_as_parsed()
    {
        Assert.True(SameName.IsAddress("2001:db8::1", IPAddress.Parse("2001:0db8:0:0:0:0:0:1")));
        Assert.False(SameName.IsAddress("www.example.org", IPAddress.Loopback));
    }
}
