using System.CommandLine;
using ConfigLang.Cli.Commands;
using ConfigLang.Cli.Rendering;
using ConfigLang.Evaluator.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Composition;

/// <summary>
/// The sole composition root: registers each layer's services, builds the command tree from
/// every registered <see cref="ICliCommand"/>, and turns parse errors into exit code 2.
/// </summary>
public static class CliHost
{
    /// <summary>The process's entry: the memory limit applies to this whole process.</summary>
    public static int Run(string[] args) => Run(args, null, null, null, HeapLimit.Apply);

    /// <summary>Runs a command inside a host process (tests): the limit is checked but the host's heap is left alone,
    /// and <c>-</c> reads <paramref name="stdin"/>, never the host's own standard input (which is the whole process's).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin) => Run(args, stdout, stderr, stdin, applyMemoryLimit: null);

    /// <summary>Null writers and reader are the process's own console (read only when a command asks for it).</summary>
    private static int Run(string[] args, TextWriter? stdout, TextWriter? stderr, TextReader? stdin, Action<long>? applyMemoryLimit)
    {
        // No line we print may be a CI runner's command (::error, ##vso[): the configuration's text reaches both streams.
        using var guardedOut = new CommandMarkerGuard(stdout ?? Console.Out);
        using var guardedError = new CommandMarkerGuard(stderr ?? Console.Error);
        var console = new CliConsole(guardedOut, guardedError, stdin);
        using var services = BuildServices(console);
        var root = BuildRootCommand(services, args);
        var color = ColorOption.Create();
        root.Options.Add(color);
        var maxMemory = MaxMemoryOption.Create();
        root.Options.Add(maxMemory);
        var parseResult = root.Parse(args);
        if (UnknownFlags.Find(parseResult) is { Count: > 0 } unknown)
        {
            var commandName = CommandPath(parseResult.CommandResult.Command);
            foreach (var flag in unknown)
            {
                console.Error.WriteLine($"error[CL9001]: unknown flag '{flag.Flag}' for '{commandName}'");
                if (flag.Suggestions.Count > 0) console.Error.WriteLine($"  did you mean {string.Join(" or ", flag.Suggestions.Select(s => $"'{s}'"))}?");
            }
            console.Error.WriteLine($"Try '{commandName} --help' for the flags it takes (a file whose name starts with '-' can be given after '--' or as ./-NAME).");
            return ExitCodes.Usage;
        }
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
        if (MaxMemoryOption.Resolve(parseResult.GetValue(maxMemory), System.Environment.GetEnvironmentVariable(MaxMemoryOption.EnvironmentVariable), out var sizeError)
            is not { } memoryLimit)
        {
            console.Error.WriteLine($"error[CL9001]: {sizeError}");
            return ExitCodes.Usage;
        }
        applyMemoryLimit?.Invoke(memoryLimit);

        // Exceptions are ours to report: running out of memory is the input's doing (exit 1), not a crash.
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        // eval's output is Nix's, and lint --format github's commands must run: the command says which streams are its own.
        var own = StreamsWithRunnerCommands(services, parseResult);
        guardedOut.Enabled = !own.HasFlag(RunnerCommandStreams.StandardOutput);
        guardedError.Enabled = !own.HasFlag(RunnerCommandStreams.StandardError);
        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (OutOfMemoryException)
        {
            console.Error.WriteLine($"error: {MemoryLimit.Message(memoryLimit, MaxMemoryOption.Hint)}");
            return ExitCodes.InputErrors;
        }
        catch (Exception e)
        {
            // What System.CommandLine's default handler did: a bug of ours is shown in full.
            console.Error.WriteLine($"Unhandled exception: {e}");
            return ExitCodes.InputErrors;
        }
    }

    /// <summary>What the sub-command the arguments chose prints as runner commands on purpose; the root's own help and version: nothing.</summary>
    private static RunnerCommandStreams StreamsWithRunnerCommands(IServiceProvider services, ParseResult parseResult)
    {
        Command command = parseResult.CommandResult.Command;
        while (command.Parents.OfType<Command>().FirstOrDefault() is { } parent and not RootCommand) command = parent;
        return command is not RootCommand && CommandServices.Names.Contains(command.Name)
            ? services.GetRequiredKeyedService<ICliCommand>(command.Name).StreamsWithRunnerCommands(parseResult)
            : RunnerCommandStreams.None;
    }

    /// <summary>"configlang eval": the names from the root down to the command the arguments chose.</summary>
    private static string CommandPath(Command command)
    {
        var names = new List<string> { command is RootCommand ? "configlang" : command.Name };
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, parent is RootCommand ? "configlang" : parent.Name);
        }
        return string.Join(' ', names);
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

    /// <summary>The command tree for <paramref name="args"/>: when they start with a sub-command's name, the
    /// root holds that sub-command alone (what follows the name is parsed by it, so the tree answers the
    /// same), otherwise every sub-command (help, an unknown command and its suggestions).</summary>
    public static RootCommand BuildRootCommand(IServiceProvider services, IReadOnlyList<string> args)
    {
        var root = new RootCommand(
            "ConfigLang: a declarative configuration compiler for TLS certificates. It evaluates " +
            "Nix-language host configurations with NixOS module semantics and obtains, renews and " +
            "installs ACME certificates.\n\nExit codes: 0 success, 1 errors in the input, " +
            "2 usage error, 3 execution failure.");
        IEnumerable<string> names = args.Count > 0 && CommandServices.Names.Contains(args[0]) ? [args[0]] : CommandServices.Names;
        foreach (var name in names)
        {
            root.Subcommands.Add(services.GetRequiredKeyedService<ICliCommand>(name).Build());
        }
        return root;
    }
}
