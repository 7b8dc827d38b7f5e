using System.CommandLine;

namespace ConfigLang.Cli.Commands;

/// <summary>What one <c>eval</c> invocation asks for, read from the command line.</summary>
public sealed record EvalRequest(string? File, bool Parse);

/// <summary>The arguments and options of <c>configlang eval</c>; add a flag here and to <see cref="EvalRequest"/>.</summary>
public sealed class EvalOptions
{
    private readonly Argument<string?> _file = new("FILE")
    {
        Description = "The file to evaluate; '-' reads standard input.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _parse = new("--parse")
    {
        Description = "Print the syntax tree instead of evaluating (or the syntax errors, exit 1).",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_parse);
    }

    public EvalRequest Read(ParseResult result) => new(result.GetValue(_file), result.GetValue(_parse));
}
