using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// What the CLI asks of the module layer: the resolved values of a host configuration
/// (<c>configlang show</c>) and the documentation of the declared options
/// (<c>configlang options</c>). Both evaluate the configuration with the built-in option
/// library through the evaluator's façade, so errors come back rendered as every command shows
/// them.
/// </summary>
public sealed class ConfigurationQuery(EvaluatorOptions options)
{
    /// <summary>The evaluator options with ConfigLang's <c>lib</c> reachable and the module builtins added.</summary>
    /// <param name="recordOrigins">Remember the option tree behind every configuration
    /// (<see cref="ConfigurationOrigins"/>), which <c>show</c> and <c>--explain</c> walk; off
    /// elsewhere, since it keeps every submodule instance's options alive as long as its value.</param>
    public static EvaluatorOptions WithModules(EvaluatorOptions options, bool recordOrigins = false) => options with
    {
        LibrarySearchPath = [.. options.LibrarySearchPath, .. LibraryFiles.SearchPath.Select(e => $"{e.Prefix}={e.Path}")],
        BuiltinProviders = [.. options.BuiltinProviders, new ModulesBuiltinProvider(recordOrigins)],
    };

    /// <summary>
    /// The values under <paramref name="optionPath"/> (all when null) of the configuration in
    /// <paramref name="configFile"/>: an option's value, or for a subtree the options that have
    /// definitions.
    /// </summary>
    public EvaluationResult Show(string configFile, string? optionPath, bool json, bool showTrace)
    {
        var path = Path.GetFullPath(configFile, options.CurrentDirectory);
        var selection = SelectionList(optionPath);
        var expression =
            "let lib = import <configlang/lib>; " +
            $"eval = lib.evalModules {{ modules = [ (/. + {Quote(path)}) ] ++ lib.configlang.builtinModules; }}; " +
            $"in lib.configlang.select {selection} eval.options";
        return Evaluate(expression, json, showTrace);
    }

    /// <summary>
    /// Where the values under <paramref name="optionPath"/> (all when null) came from, as JSON
    /// (see <see cref="OptionExplainer"/>): <c>{ "options": [ { option, type, defined, value,
    /// declarations, definitions } ] }</c>.
    /// </summary>
    public EvaluationResult Explain(string configFile, string? optionPath, bool showTrace)
    {
        var path = Path.GetFullPath(configFile, options.CurrentDirectory);
        var expression =
            "let lib = import <configlang/lib>; " +
            $"eval = lib.evalModules {{ modules = [ (/. + {Quote(path)}) ] ++ lib.configlang.builtinModules; }}; " +
            $"in lib.configlang.explain {SelectionList(optionPath)} eval.config";
        return Evaluate(expression, json: true, showTrace);
    }

    /// <summary>
    /// Documentation entries (JSON list, each with its <c>loc</c>) of every declared option;
    /// <see cref="Options.OptionSelection"/> picks the ones a path names, through submodules too.
    /// </summary>
    public EvaluationResult Options(string? configFile, bool showTrace)
    {
        var extra = configFile is null ? "" : $"(/. + {Quote(Path.GetFullPath(configFile, options.CurrentDirectory))}) ";
        var expression =
            "let lib = import <configlang/lib>; " +
            $"eval = lib.evalModules {{ modules = [ {extra}] ++ lib.configlang.builtinModules; }}; " +
            "in lib.configlang.optionDocs eval.options";
        return Evaluate(expression, json: true, showTrace);
    }

    private EvaluationResult Evaluate(string expression, bool json, bool showTrace) =>
        new ConfigEvaluator(WithModules(options, recordOrigins: true)).Evaluate(new EvaluationRequest
        {
            Expression = expression,
            Strict = true,
            Output = json ? EvaluationOutput.Json : EvaluationOutput.Nix,
            ShowTrace = showTrace,
        });

    private static string SelectionList(string? optionPath) =>
        "[ " + string.Join(" ", SplitPath(optionPath).Select(Quote)) + " ]";

    /// <summary><c>a.b."c.d"</c> as <c>[ a b c.d ]</c>.</summary>
    public static IReadOnlyList<string> SplitPath(string? path)
    {
        var parts = new List<string>();
        if (string.IsNullOrEmpty(path)) return parts;
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in path)
        {
            if (c == '"') quoted = !quoted;
            else if (c == '.' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static string Quote(string text) => ConfigLang.Modules.Options.OptionPath.QuoteString(text);
}
