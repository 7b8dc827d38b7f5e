using System.CommandLine;
using ConfigLang.Cli.Commands;
using ConfigLang.Cli.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Composition;

/// <summary>
/// The sole composition root: registers each layer's services, builds the command tree from
/// every registered <see cref="ICliCommand"/>, and turns parse errors into exit code 2.
/// </summary>
public static class CliHost
{
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var console = new CliConsole(stdout ?? Console.Out, stderr ?? Console.Error);
        using var services = BuildServices(console);
        var root = BuildRootCommand(services);
        var color = ColorOption.Create();
        root.Options.Add(color);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                console.Error.WriteLine($"error[CL9001]: {error.Message}");
            }
            console.Error.WriteLine("Try 'configlang --help' for more information.");
            return ExitCodes.Usage;
        }

        console.Color = ColorDecision.Parse(parseResult.GetValue(color));
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return parseResult.Invoke(configuration);
    }

    public static ServiceProvider BuildServices(CliConsole console)
    {
        var services = new ServiceCollection();
        services.AddSingleton(console);
        services.AddEvaluatorServices();
        services.AddLintServices();
        services.AddCommands();
        return services.BuildServiceProvider();
    }

    private static RootCommand BuildRootCommand(IServiceProvider services)
    {
        var root = new RootCommand(
            "ConfigLang: a declarative configuration compiler for TLS certificates. It evaluates " +
            "Nix-language host configurations with NixOS module semantics and obtains, renews and " +
            "installs ACME certificates.\n\nExit codes: 0 success, 1 errors in the input, " +
            "2 usage error, 3 execution failure.");
        foreach (var command in services.GetServices<ICliCommand>())
        {
            root.Subcommands.Add(command.Build());
        }
        return root;
    }
}
