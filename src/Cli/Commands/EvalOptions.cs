using System.CommandLine;
using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Commands;

/// <summary>What one <c>eval</c> invocation asks for, read from the command line.</summary>
public sealed record EvalRequest(string? File, bool Parse)
{
    /// <summary><c>-E</c>: an expression instead of a file.</summary>
    public string? Expression { get; init; }

    public IReadOnlyList<string> AttrPaths { get; init; } = [];

    public bool Strict { get; init; }

    public EvaluationOutput Output { get; init; }

    public bool XmlLocations { get; init; } = true;

    public IReadOnlyList<string> SearchPath { get; init; } = [];

    /// <summary><c>--arg</c> (IsString false) and <c>--argstr</c> (IsString true).</summary>
    public IReadOnlyList<(string Name, string Text, bool IsString)> AutoArgs { get; init; } = [];

    public bool ShowTrace { get; init; }

    public int? MaxCallDepth { get; init; }

    public LiteralLints Lints { get; init; }

    /// <summary>Literals reported on standard error but accepted (<c>--lint-*-literals warn</c>).</summary>
    public LiteralLints LintWarnings { get; init; }

    /// <summary><c>--extra-experimental-features</c>, each flag's space-separated names.</summary>
    public IReadOnlySet<string> ExperimentalFeatures { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

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

    private readonly Option<string?> _expr = new("--expr", "-E") { HelpName = "EXPR", Description = "Evaluate this expression instead of a file." };
    private readonly Option<string[]> _attr = new("--attr", "-A") { HelpName = "ATTRPATH", Description = "Select this attribute path of the result (repeatable)." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Evaluate the whole result, not only its top level." };
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as JSON." };
    private readonly Option<bool> _xml = new("--xml") { Description = "Print the result as Nix's XML." };
    private readonly Option<bool> _noLocation = new("--no-location") { Description = "Leave source positions out of the XML output." };
    private readonly Option<string[]> _include = new("-I") { HelpName = "PATH", Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
    private readonly Option<string[]> _arg = new("--arg")
    {
        HelpName = "NAME EXPR", Description = "Pass NAME EXPR to the function the file evaluates to.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string[]> _argstr = new("--argstr")
    {
        HelpName = "NAME STRING", Description = "Pass NAME STRING to the function the file evaluates to.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<bool> _showTrace = new("--show-trace") { Description = "Show the chain of evaluation frames of an error." };
    private readonly Option<bool> _noShowTrace = new("--no-show-trace") { Hidden = true };
    private readonly Option<int?> _maxCallDepth = new("--max-call-depth") { HelpName = "N", Description = "How deeply function calls may nest (default 50000)." };
    private readonly Option<string?> _lintUrl = new("--lint-url-literals") { HelpName = "fatal|warn", Description = "'fatal' rejects unquoted URL literals, 'warn' reports them on standard error." };
    private readonly Option<string?> _lintShort = new("--lint-short-path-literals") { HelpName = "fatal|warn", Description = "'fatal' rejects path literals without './', 'warn' reports them on standard error." };
    private readonly Option<string?> _lintAbsolute = new("--lint-absolute-path-literals") { HelpName = "fatal|warn", Description = "'fatal' rejects absolute path literals, 'warn' reports them on standard error." };

    // Accepted and ignored, so scripts written for nix-instantiate run unchanged.
    private readonly Option<bool> _eval = new("--eval") { Hidden = true };
    private readonly Option<bool> _evalOnly = new("--eval-only") { Hidden = true };
    private readonly Option<bool> _readWrite = new("--read-write-mode") { Hidden = true };
    private readonly Option<bool> _readOnly = new("--readonly-mode") { Hidden = true };
    private readonly Option<bool> _impure = new("--impure") { Hidden = true };
    private readonly Option<string[]> _experimental = new("--extra-experimental-features", "--experimental-features") { Hidden = true };
    private readonly Option<string?> _timeout = new("--timeout") { Hidden = true };
    private readonly Option<string[]> _option = new("--option") { Hidden = true, Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        foreach (var option in new Option[]
                 {
                     _parse, _expr, _attr, _strict, _json, _xml, _noLocation, _include, _arg, _argstr, _showTrace, _noShowTrace,
                     _maxCallDepth, _lintUrl, _lintShort, _lintAbsolute, _eval, _evalOnly, _readWrite, _readOnly, _impure, _experimental, _timeout, _option,
                 })
        {
            command.Options.Add(option);
        }
    }

    public EvalRequest Read(ParseResult result)
    {
        var autoArgs = new List<(string, string, bool)>();
        AddPairs(autoArgs, result.GetValue(_arg), isString: false);
        AddPairs(autoArgs, result.GetValue(_argstr), isString: true);
        LiteralLints Lints(string level) =>
            (result.GetValue(_lintUrl) == level ? LiteralLints.UrlLiterals : LiteralLints.None)
            | (result.GetValue(_lintShort) == level ? LiteralLints.ShortPathLiterals : LiteralLints.None)
            | (result.GetValue(_lintAbsolute) == level ? LiteralLints.AbsolutePathLiterals : LiteralLints.None);
        return new EvalRequest(result.GetValue(_file), result.GetValue(_parse))
        {
            Expression = result.GetValue(_expr),
            AttrPaths = result.GetValue(_attr) ?? [],
            Strict = result.GetValue(_strict),
            Output = result.GetValue(_json) ? EvaluationOutput.Json : result.GetValue(_xml) ? EvaluationOutput.Xml : EvaluationOutput.Nix,
            XmlLocations = !result.GetValue(_noLocation),
            SearchPath = result.GetValue(_include) ?? [],
            AutoArgs = autoArgs,
            ShowTrace = result.GetValue(_showTrace) && !result.GetValue(_noShowTrace),
            MaxCallDepth = result.GetValue(_maxCallDepth),
            Lints = Lints("fatal"),
            LintWarnings = Lints("warn"),
            ExperimentalFeatures = (result.GetValue(_experimental) ?? [])
                .SelectMany(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static void AddPairs(List<(string, string, bool)> target, string[]? values, bool isString)
    {
        if (values is null) return;
        for (var i = 0; i + 1 < values.Length; i += 2) target.Add((values[i], values[i + 1], isString));
    }
}
