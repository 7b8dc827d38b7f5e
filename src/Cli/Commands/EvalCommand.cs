using System.CommandLine;
using ConfigLang.Cli.Rendering;

namespace ConfigLang.Cli.Commands;

/// <summary><c>configlang eval</c>: evaluate an expression, printed as <c>nix-instantiate --eval</c> prints it.</summary>
public sealed class EvalCommand(CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The file to evaluate; '-' reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var parse = new Option<bool>("--parse") { Description = "Print the syntax tree instead of evaluating (or the syntax errors, exit 1)." };
        var command = new Command("eval", "Evaluate a Nix-language expression and print the result as nix-instantiate --eval does.")
        {
            file, parse,
        };
        command.SetAction(result =>
        {
            console.Error.WriteLine("error[CL9002]: evaluation is not available yet");
            return ExitCodes.Usage;
        });
        return command;
    }
}
