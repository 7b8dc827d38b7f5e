using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// The ACME testbed is started by the repository's own scripts, so a clone anywhere (without the
/// workspace's shared folder) runs the ACME tests, the demo and CI.
/// </summary>
public sealed class TestbedScriptsTests
{
    [Fact]
    public void The_tests_start_the_testbed_from_the_checkout()
    {
        Assert.StartsWith(RepositoryRoot.Path + Path.DirectorySeparatorChar, Testbed.Scripts, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Testbed.Scripts, "start.sh")), "start.sh is missing");
        Assert.True(File.Exists(Path.Combine(Testbed.Scripts, "stop.sh")), "stop.sh is missing");
    }

    [Theory]
    [InlineData("examples/demo.sh")]
    [InlineData(".ci/run")]
    public void The_demo_and_CI_start_the_repository_s_testbed(string script)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, script));

        Assert.Contains("tests/acme-testbed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("shared/acme-testbed", text, StringComparison.Ordinal);
    }
}
