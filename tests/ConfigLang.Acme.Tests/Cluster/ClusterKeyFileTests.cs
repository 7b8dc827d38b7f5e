using ConfigLang.Acme.Cluster;
using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>
/// The encryption key file is read below --root before any connection: missing, malformed or
/// outside-the-root files are refused naming the file, never showing its content.
/// </summary>
public sealed class ClusterKeyFileTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9");

    [Fact]
    public async Task A_missing_key_file_is_refused_naming_it()
    {
        await using var host = new ClusterHost([Nowhere], "/p");
        File.Delete(host.KeyFileFullPath);
        var failure = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.StartsWith($"the cluster's encryption key file {host.KeyFileFullPath} does not exist", failure.Message);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("not base64 at all!", "does not hold base64 text")]
    [InlineData("c2hvcnQ=", "holds a 5-byte key; AES-256 needs 32 bytes")]
    public async Task A_malformed_key_file_is_refused_naming_it_without_showing_its_content(string content, string problem)
    {
        await using var host = new ClusterHost([Nowhere], "/p");
        File.WriteAllText(host.KeyFileFullPath, content);
        var failure = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.Contains($"the cluster's encryption key file {host.KeyFileFullPath} {problem}", failure.Message);
        if (content.Length > 0) Assert.DoesNotContain(content, failure.Message);
    }

    [Fact]
    public async Task A_64_byte_key_is_refused_and_not_shown()
    {
        var tooLong = Convert.ToBase64String(new byte[64].Select((_, i) => (byte)(i + 1)).ToArray());
        await using var host = new ClusterHost([Nowhere], "/p", tooLong);
        var failure = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.Contains("holds a 64-byte key", failure.Message);
        Assert.DoesNotContain(tooLong, failure.Message);
    }

    [Fact]
    public async Task A_symlink_to_a_key_outside_the_root_is_resolved_inside_the_root_and_not_read()
    {
        await using var host = new ClusterHost([Nowhere], "/p");
        var outside = Directory.CreateTempSubdirectory("configlang-outside-").FullName;
        try
        {
            var outsideKey = Path.Combine(outside, "cluster.key");
            File.WriteAllText(outsideKey, ClusterHost.NewKey());
            File.Delete(host.KeyFileFullPath);
            File.CreateSymbolicLink(host.KeyFileFullPath, outsideKey);
            var failure = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
            Assert.StartsWith($"the cluster's encryption key file {host.KeyFileFullPath} does not exist", failure.Message);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task A_well_formed_key_gets_as_far_as_the_network()
    {
        using var refusing = new RefusingPort();
        var port = refusing.Port;
        await using var host = new ClusterHost([new Uri($"http://127.0.0.1:{port}")], "/p");
        var failure = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.StartsWith("no etcd member is reachable", failure.Message);
    }

    [Fact]
    public async Task Endpoints_mixing_http_and_https_are_refused()
    {
        await using var host = new ClusterHost([new Uri("http://127.0.0.1:2379"), new Uri("https://127.0.0.1:2380")], "/p");
        var failure = await Assert.ThrowsAsync<ClusterException>(() => host.ConnectAsync());
        Assert.Equal("the etcd endpoints http://127.0.0.1:2379, https://127.0.0.1:2380 must all be http:// or all https://", failure.Message);
    }
}
