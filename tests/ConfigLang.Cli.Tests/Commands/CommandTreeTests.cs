using ConfigLang.Cli.Composition;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Commands;
using ConfigLang.Host;
using ConfigLang.Host.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>A run of one sub-command builds that command only: <c>eval</c> is started once per
/// expression by scripts, and must not pay for the linter's checks or the ACME commands.</summary>
public sealed class CommandTreeTests
{
    private static ServiceProvider Services() => CliHost.BuildServices(new CliConsole(TextWriter.Null, TextWriter.Null));

    [Fact]
    public void Arguments_that_name_a_command_build_that_command_alone()
    {
        using var services = Services();
        var root = CliHost.BuildRootCommand(services, ["eval", "-E", "1"]);
        Assert.Equal(["eval"], root.Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("eval", false)]
    [InlineData("lint", true)]
    public void Only_the_command_that_needs_the_linter_creates_it(string command, bool created)
    {
        var linterCreated = false;
        var collection = new ServiceCollection();
        collection.AddSingleton(new CliConsole(TextWriter.Null, TextWriter.Null));
        collection.AddLintServices();
        collection.AddSingleton(provider =>
        {
            linterCreated = true;
            return new HostLinter(provider.GetServices<IHostCheck>());
        });
        collection.AddCommands();
        using var services = collection.BuildServiceProvider();
        CliHost.BuildRootCommand(services, [command, "x.nix"]);
        Assert.Equal(created, linterCreated);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("evl")]
    [InlineData("--color", "never", "eval")]
    public void Other_arguments_build_every_command_in_help_order(params string[] args)
    {
        using var services = Services();
        var root = CliHost.BuildRootCommand(services, args);
        Assert.Equal(CommandServices.Names, root.Subcommands.Select(c => c.Name));
        Assert.Equal(["eval", "show", "options", "lint", "preview", "rebuild", "renew"], root.Subcommands.Select(c => c.Name));
    }

    [Fact]
    public void Each_name_is_the_name_of_the_command_registered_under_it()
    {
        using var services = Services();
        foreach (var name in CommandServices.Names)
        {
            Assert.Equal(name, services.GetRequiredKeyedService<ICliCommand>(name).Build().Name);
        }
    }
}
