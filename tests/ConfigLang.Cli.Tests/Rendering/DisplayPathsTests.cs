using ConfigLang.Cli.Rendering.DiagnosticFormats;

namespace ConfigLang.Cli.Tests.Rendering;

public sealed class DisplayPathsTests
{
    private readonly DisplayPaths _paths = new("/home/user/site/");

    [Theory]
    [InlineData("/home/user/site/hosts/web.nix", "hosts/web.nix")]
    [InlineData("hosts/web.nix", "hosts/web.nix")]
    [InlineData("./hosts/../hosts/web.nix", "hosts/web.nix")]
    [InlineData("/etc/configlang/common.nix", "/etc/configlang/common.nix")]
    [InlineData("/home/user/site2/web.nix", "/home/user/site2/web.nix")]
    [InlineData("../other/web.nix", "/home/user/other/web.nix")]
    [InlineData("«string»", "«string»")]
    public void Paths_under_the_working_directory_are_relative_others_absolute(string source, string shown)
    {
        Assert.Equal(shown, _paths.Display(source));
    }

    [Theory]
    [InlineData("hosts/web.nix", "hosts/web.nix")]
    [InlineData("hosts/odd, name:50%.nix", "hosts/odd%2C%20name%3A50%25.nix")]
    [InlineData("/etc/configlang/common.nix", "file:///etc/configlang/common.nix")]
    [InlineData("/tmp/a b/«x».nix", "file:///tmp/a%20b/%C2%ABx%C2%BB.nix")]
    public void Uris_are_percent_encoded_and_absolute_paths_become_file_uris(string shown, string uri)
    {
        Assert.Equal(uri, DisplayPaths.ToUri(shown));
    }

    [Fact]
    public void The_working_directory_uri_ends_with_a_slash()
    {
        Assert.Equal("file:///home/user/site/", _paths.WorkingDirectoryUri);
        Assert.Equal("file:///srv/my%20site/", new DisplayPaths("/srv/my site").WorkingDirectoryUri);
    }
}
