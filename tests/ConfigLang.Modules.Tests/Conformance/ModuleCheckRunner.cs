using System.Text.RegularExpressions;
using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Tests.Conformance;

/// <summary>
/// Runs a check as nixpkgs' <c>lib/tests/modules.sh</c> does: in <c>lib/tests/modules/</c>,
/// evaluate <c>import ./default.nix { modules = [ … ]; }</c> (whose <c>lib</c> is
/// <c>import &lt;configlang/lib&gt;</c>, ours), select the attribute, print it as JSON, and match
/// the regex against the output or, for an error check, against the whole error text.
/// <para>The regexes are PCRE (<c>grep -P</c>); .NET's dialect agrees on everything the file
/// uses except possessive and some Unicode classes, which it does not contain.</para>
/// </summary>
public static class ModuleCheckRunner
{
    public sealed record Outcome(bool Passed, string Detail);

    public static Outcome Run(ModuleCheck check)
    {
        var options = new EvaluatorOptions
        {
            CurrentDirectory = ModuleCheck.ModulesFolder,
            SearchPath = [.. LibraryFiles.SearchPath.Select(e => $"{e.Prefix}={e.Path}")],
            BuiltinProviders = [new ModulesBuiltinProvider()],
            EnvironmentVariables = new Dictionary<string, string>(),
        };
        var request = new EvaluationRequest
        {
            Expression = $"import ./default.nix {{ modules = [ {check.Modules} ]; }}",
            AttrPaths = [check.Attribute],
            Strict = check.Strict,
            Output = EvaluationOutput.Json,
            ShowTrace = true,
        };
        var result = new ConfigEvaluator(options).Evaluate(request);
        var regex = new Regex(check.ExpectedRegex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
        if (check.IsError)
        {
            if (result.Succeeded) return new Outcome(false, "evaluated without error: " + Shorten(result.Stdout));
            return regex.IsMatch(result.Stderr)
                ? new Outcome(true, "")
                : new Outcome(false, "error did not match: " + Shorten(result.Stderr));
        }
        if (!result.Succeeded) return new Outcome(false, "failed: " + Shorten(result.Stderr));
        if (check.AbortOnWarning && result.Stderr.Contains("warning", StringComparison.Ordinal))
            return new Outcome(false, "warned: " + Shorten(result.Stderr));
        var output = result.Stdout.TrimEnd('\n');
        return regex.IsMatch(output) ? new Outcome(true, "") : new Outcome(false, "output did not match: " + Shorten(output));
    }

    private static string Shorten(string text)
    {
        var flat = text.Replace("\n", "⏎ ").Trim();
        return flat.Length <= 300 ? flat : flat[..300] + "…";
    }
}
