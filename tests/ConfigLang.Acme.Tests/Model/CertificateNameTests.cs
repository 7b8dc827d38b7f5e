using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests.Model;

public sealed class CertificateNameTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData(".", "names a directory itself or its parent")]
    [InlineData("..", "names a directory itself or its parent")]
    [InlineData(".accounts", "starts with '.'")]
    [InlineData("../../../../etc/x", "contains '/'")]
    [InlineData("/etc/x", "contains '/'")]
    [InlineData("a/b", "contains '/'")]
    [InlineData("a\0b", "NUL")]
    public void Names_that_cannot_be_one_directory_are_refused_with_the_reason(string name, string why)
    {
        Assert.Contains(why, CertificateName.Problem(name));
        Assert.False(CertificateName.IsValid(name));
    }

    [Fact]
    public void A_name_is_at_most_255_bytes_of_utf8()
    {
        Assert.True(CertificateName.IsValid(new string('a', 255)));
        Assert.Contains("256 bytes", CertificateName.Problem(new string('a', 256)));
        // 128 characters, two bytes each.
        Assert.True(CertificateName.IsValid(new string('é', 127) + "a"));
        Assert.Contains("256 bytes", CertificateName.Problem(new string('é', 128)));
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("a..b")]
    [InlineData("*.example.org")]
    [InlineData("mail server")]
    public void Other_names_are_directory_names(string name) => Assert.Null(CertificateName.Problem(name));
}
