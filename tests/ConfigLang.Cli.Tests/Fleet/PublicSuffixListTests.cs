using ConfigLang.Host.Checks;

namespace ConfigLang.Cli.Tests.Fleet;

/// <summary>
/// Registered domains for Let's Encrypt's per-domain limit: the Public Suffix List's rules
/// (normal, wildcard, exception, Unicode), the list Debian installs, and the built-in
/// approximation used where it is absent.
/// </summary>
public sealed class PublicSuffixListTests
{
    private static readonly PublicSuffixList List = PublicSuffixList.Parse("""
        // ===BEGIN ICANN DOMAINS===
        com
        uk
        co.uk
        ck
        *.ck
        !www.ck
        中国
        // ===BEGIN PRIVATE DOMAINS===
        github.io
        """);

    [Theory]
    [InlineData("www.example.com", "example.com")]
    [InlineData("a.b.example.co.uk", "example.co.uk")]
    [InlineData("example.co.uk", "example.co.uk")]
    [InlineData("a.b.c.ck", "b.c.ck")] // *.ck: c.ck is a suffix
    [InlineData("www.ck", "www.ck")] // !www.ck: an exception, so the registered domain is www.ck itself
    [InlineData("a.www.ck", "www.ck")]
    [InlineData("user.github.io", "user.github.io")]
    [InlineData("blog.user.github.io", "user.github.io")]
    [InlineData("*.Example.COM.", "example.com")]
    [InlineData("a.example.xn--fiqs8s", "example.xn--fiqs8s")] // 中国 in punycode
    [InlineData("a.b.example.unlisted", "example.unlisted")] // the implicit rule *
    public void The_list_decides_the_registered_domain(string name, string registered) =>
        Assert.Equal(registered, RegisteredDomains.Of(name, List));

    [Theory]
    [InlineData("a.b.example.co.uk", "example.co.uk")]
    [InlineData("blog.user.github.io", "user.github.io")]
    [InlineData("a.b.example.unlisted", "example.unlisted")]
    public void Without_the_list_the_last_two_labels_or_a_known_suffix_decide(string name, string registered) =>
        Assert.Equal(registered, RegisteredDomains.Of(name, null));

    [Fact]
    public void An_absent_or_empty_file_is_no_list()
    {
        Assert.Null(PublicSuffixList.Load("/nonexistent/public_suffix_list.dat"));
        var empty = Path.GetTempFileName();
        try
        {
            Assert.Null(PublicSuffixList.Load(empty));
        }
        finally
        {
            File.Delete(empty);
        }
    }

    // CI installs Debian's publicsuffix package (.ci/run): the real list knows suffixes the built-in one does not.
    [Fact]
    public void Debian_list_is_read_where_installed()
    {
        var list = PublicSuffixList.Load(PublicSuffixList.DebianPath);
        Assert.True(list is not null, $"{PublicSuffixList.DebianPath} is missing: install Debian's publicsuffix package");
        Assert.True(list.Count > 5000, $"{list.Count} rules");
        Assert.Equal("example.s3.amazonaws.com", RegisteredDomains.Of("www.example.s3.amazonaws.com", list));
        Assert.Equal("b.example.kawasaki.jp", RegisteredDomains.Of("a.b.example.kawasaki.jp", list));
        Assert.Equal("city.kawasaki.jp", RegisteredDomains.Of("a.city.kawasaki.jp", list));
        Assert.Equal("example.s3.amazonaws.com", RegisteredDomains.Of("www.example.s3.amazonaws.com"));
    }
}
