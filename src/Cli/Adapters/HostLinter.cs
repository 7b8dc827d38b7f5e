using System.Text.Json;
using ConfigLang.Cli.Adapters.Checks;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Adapters;

/// <summary>What linting a host found, with what the same evaluation yielded for its caller.</summary>
/// <param name="Facts">The resolved values the checks read; null when evaluation failed.</param>
/// <param name="QueryJson">The caller's query (see <see cref="HostLinter.Run"/>) as JSON; null when
/// there was none or it failed (evaluate it alone for its error).</param>
/// <param name="Sources">The files the host is written in, for pointing at a definition later; null when evaluation failed.</param>
public sealed record HostLintResult(IReadOnlyList<Diagnostic> Diagnostics, HostFacts? Facts, string? QueryJson, HostSources? Sources = null);

/// <summary>
/// <c>configlang lint</c> for one host file: evaluates it with the built-in option library,
/// reports the first evaluation, type or module error (with its own location), otherwise every
/// failed assertion (<see cref="LintCodes.FailedAssertion"/>) and warning, then forces every
/// certificate and account option (type checks) and runs the C# <see cref="IHostCheck"/>s on the resolved values.
/// </summary>
public sealed class HostLinter(IEnumerable<IHostCheck> checks)
{
    /// <param name="root">Where the host's files are (<c>--root</c>): checks that look at files on disk look there.</param>
    public IReadOnlyList<Diagnostic> Lint(string file, EvaluatorOptions options, string root = "/") =>
        Run(file, options, root, query: null).Diagnostics;

    /// <summary>
    /// Lints the host and, in the same evaluation of its modules, evaluates <paramref name="query"/>
    /// (a Nix expression over <c>cfg</c>, as <see cref="HostEvaluation"/> takes): preview, rebuild
    /// and renew read their certificates that way instead of evaluating every module again.
    /// </summary>
    public HostLintResult Run(string file, EvaluatorOptions options, string root, string? query)
    {
        var path = Path.GetFullPath(file, options.CurrentDirectory);
        if (!File.Exists(path))
            return new([Diagnostic.Error(LintCodes.MissingFile, $"the configuration file '{file}' does not exist", null)], null, null);
        var host = SourceText.FromFile(path);
        var evaluator = HostEvaluation.CreateEvaluator(options);

        // One evaluation of the modules for the assertions, the facts and the query: facts and
        // query under tryEval, so an error there (a type error, found only when values are
        // forced) leaves the assertions readable. Only then are the facts evaluated again, for
        // the diagnostic.
        var outcome = HostEvaluation.Evaluate(evaluator, path,
            "{ failed = map (a: a.message) (builtins.filter (a: !a.assertion) cfg.assertions); warnings = cfg.warnings; " +
            $"facts = {Attempted(FactsExpression)}; query = {(query is null ? "null" : Attempted($"let q = {query}; in builtins.deepSeq q q"))}; }}");
        if (outcome.Error is { } error) return new([error], null, null);
        var sources = HostSources.From(host, outcome.ImportedFiles);

        var diagnostics = new List<Diagnostic>();
        string? factsJson;
        string? queryJson;
        using (var document = JsonDocument.Parse(outcome.Stdout))
        {
            var factsElement = document.RootElement.GetProperty("facts");
            factsJson = factsElement.ValueKind == JsonValueKind.Null ? null : factsElement.GetRawText();
            var queryElement = document.RootElement.GetProperty("query");
            queryJson = queryElement.ValueKind == JsonValueKind.Null ? null : queryElement.GetRawText();
            foreach (var message in document.RootElement.GetProperty("failed").EnumerateArray().Select(m => m.GetString() ?? ""))
                diagnostics.Add(Located(Diagnostic.Error(LintCodes.FailedAssertion, message.Trim(), null), sources, message));
            foreach (var message in document.RootElement.GetProperty("warnings").EnumerateArray().Select(m => m.GetString() ?? ""))
                diagnostics.Add(Located(Diagnostic.Warning(LintCodes.ConfigurationWarning, message.Trim(), null), sources, message));
        }

        // Type errors show only when values are forced; a failing assertion may explain them, so
        // they are reported only when nothing else was.
        if (factsJson is null)
        {
            var facts = HostEvaluation.Evaluate(evaluator, path, FactsExpression);
            if (facts.Error is { } factsError)
            {
                if (!diagnostics.Any(d => d.IsError)) diagnostics.Add(factsError);
                return new(diagnostics, null, null);
            }
            factsJson = facts.Stdout;
        }
        var parsed = HostFacts.Parse(factsJson) with { Root = root };
        foreach (var check in checks)
        {
            foreach (var finding in check.Check(parsed, sources))
            {
                // NixOS's own ownership assertion already names the service: do not say it twice.
                if (finding.Code == LintCodes.KeyNotReadable && diagnostics.Any(d => d.Code == LintCodes.FailedAssertion && d.Message.Contains("must be readable by", StringComparison.Ordinal)))
                    continue;
                diagnostics.Add(finding);
            }
        }
        return new(diagnostics, parsed, queryJson, sources);
    }

    // Forcing the certificates and the accounts whole runs every type check of their options,
    // those the facts do not read included (a user's description is never written, yet a value
    // that could not be one passwd field is an error wherever the configuration is used).
    private static readonly string FactsExpression =
        $"builtins.deepSeq [ cfg.security.acme.certs cfg.users.users cfg.users.groups ] ({HostFacts.Expression})";

    /// <summary>The expression's value, or null when evaluating it fails.</summary>
    private static string Attempted(string expression) =>
        $"(let attempt = builtins.tryEval ({expression}); in if attempt.success then attempt.value else null)";

    private static Diagnostic Located(Diagnostic diagnostic, HostSources host, string message)
    {
        var subject = System.Text.RegularExpressions.Regex.Match(message, "`([^`']+)['`]") is { Success: true } m ? m.Groups[1].Value : null;
        if (host.FindMutuallyExclusive(message) is var (conflicting, earlier))
        {
            diagnostic = diagnostic with { Location = conflicting, Subject = subject };
            return earlier.Aggregate(diagnostic, (d, location) => d.WithLabel(location, "conflicts with this definition"));
        }
        var candidates = SourceSpanFinder.AssertionCandidatesOf(message).ToList();
        return diagnostic with { Location = host.Find(candidates), Subject = subject };
    }
}
