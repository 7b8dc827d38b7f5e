using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// What the CLI asks of the module layer: the resolved values of a host configuration
/// (<c>configlang show</c>) and the documentation of the declared options
/// (<c>configlang options</c>). Each evaluates the modules once in-process (through the one
/// fixed <see cref="ModulesDriver"/>) and calls the library's <c>select</c>, <c>explain</c> or
/// <c>optionDocs</c> on the result as values; the caller renders the answer or the error.
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
    /// definitions; printed as Nix or JSON.
    /// </summary>
    public QueryOutcome Show(string configFile, string? optionPath, bool json) =>
        Query([configFile], json, (interpreter, lib, evaluated) =>
            Nix.Call(interpreter, Library(lib, "select"), Nix.Strings(SplitPath(optionPath)), Nix.Get(evaluated, "options")!));

    /// <summary>
    /// Where the values under <paramref name="optionPath"/> (all when null) came from, as JSON
    /// (see <see cref="OptionExplainer"/>): <c>{ "options": [ { option, type, defined, value,
    /// declarations, definitions } ] }</c>.
    /// </summary>
    public QueryOutcome Explain(string configFile, string? optionPath) =>
        Query([configFile], json: true, (interpreter, lib, evaluated) =>
            Nix.Call(interpreter, Library(lib, "explain"), Nix.Strings(SplitPath(optionPath)), Nix.Get(evaluated, "config")!));

    /// <summary>
    /// Documentation entries (JSON list, each with its <c>loc</c>) of every declared option;
    /// <see cref="Options.OptionSelection"/> picks the ones a path names, through submodules too.
    /// </summary>
    public QueryOutcome Options(string? configFile) =>
        Query(configFile is null ? [] : [configFile], json: true, (interpreter, lib, evaluated) =>
            Nix.Call(interpreter, Library(lib, "optionDocs"), Nix.Get(evaluated, "options")!));

    /// <summary>Evaluates the modules once through <see cref="ModulesDriver"/>, then <paramref name="answer"/>
    /// calls a library function on the result as values; the answer is printed strictly.</summary>
    private QueryOutcome Query(IReadOnlyList<string> moduleFiles, bool json,
        Func<Interpreter, AttrSetValue, AttrSetValue, Value> answer)
    {
        var files = moduleFiles.Select(f => Path.GetFullPath(f, options.CurrentDirectory)).ToList();
        // Traces and warnings are the program's text: a trace in a loop must not fill memory or the terminal.
        var warnings = new BoundedStringWriter(PrintedTextBounds.MaxTraceBytes);
        var evaluator = new ConfigEvaluator(WithModules(options, recordOrigins: true));
        return ConfigEvaluator.RunWithLargeStack(() =>
        {
            var interpreter = evaluator.CreateInterpreter(warnings);
            try
            {
                var (lib, evaluated) = ModulesDriver.Evaluate(interpreter, options.CurrentDirectory, files);
                var value = answer(interpreter, lib, evaluated);
                string text;
                if (json) text = JsonPrinter.ToJson(interpreter, value, null).ToUnicode();
                else
                {
                    interpreter.ForceDeep(value);
                    text = ValuePrinter.Print(value.Force()) + "\n";
                }
                return new QueryOutcome(text, null, warnings.ToString());
            }
            catch (EvaluationException e)
            {
                return new QueryOutcome(null, e, warnings.ToString());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug of ours must not take the process down: report it as an evaluation error, as the façade does.
                return new QueryOutcome(null, EvaluationException.Create(EvaluationDiagnostics.General, $"internal error: {e.GetType().Name}: {e.Message}", null), warnings.ToString());
            }
        });
    }

    /// <summary>A function of <c>lib.configlang</c>.</summary>
    private static Value Library(AttrSetValue lib, string name) =>
        Nix.Get(Nix.ForceAttrs(Nix.Get(lib, "configlang")!), name)!;

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
}
