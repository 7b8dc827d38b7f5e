using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests.Model;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("Example.ORG", "example.org")]
    [InlineData("example.org.", "example.org")]
    [InlineData(" www.example.org ", "www.example.org")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("*.bücher.example", "*.xn--bcher-kva.example")]
    public void Names_are_stored_in_ascii_lower_case(string written, string stored)
    {
        Assert.Equal(stored, Identifier.Dns(written).Value);
    }

    [Fact]
    public void Wildcards_know_their_base_domain()
    {
        var wildcard = Identifier.Dns("*.example.org");
        Assert.True(wildcard.IsWildcard);
        Assert.Equal("example.org", wildcard.BaseDomain);
        Assert.False(Identifier.Dns("example.org").IsWildcard);
    }

    [Fact]
    public void Identifiers_compare_by_value()
    {
        Assert.Equal(Identifier.Dns("EXAMPLE.org"), Identifier.Dns("example.org"));
        Assert.NotEqual(Identifier.Dns("a.example.org"), Identifier.Dns("b.example.org"));
    }

    [Fact]
    public void Empty_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Identifier.Dns(" "));
    }
}
