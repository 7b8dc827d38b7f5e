using ConfigLang.Evaluator.Runtime;
using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// Runs one case of the Nix language corpus in-process, with the arguments, environment and
/// folder upstream's harness uses (<see cref="UpstreamLangRun"/>, which the CLI corpus test runs
/// through the binary), stdout with the folder's path replaced by <c>/pwd</c>.
/// Everything is injected through <see cref="EvaluatorOptions"/>; the test process environment
/// is never touched, so cases run in parallel.
/// </summary>
public static class EvalCorpusRunner
{
    public static string CorpusRoot { get; } = SharedCorpus.PathOf(SharedCorpus.NixLang);

    public static string LangDirectory { get; } = Path.Combine(CorpusRoot, "lang");

    /// <summary>
    /// Every eval case of the corpus (431: those Nix 2.8 passes and those needing newer Nix),
    /// except the ones upstream disables with an <c>.exp-disabled</c> file.
    /// </summary>
    public static IReadOnlyList<string> AllCases(string prefix) =>
        Directory.EnumerateFiles(LangDirectory, prefix + "*.nix")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(name => !File.Exists(Path.Combine(LangDirectory, name + ".exp-disabled")))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public sealed record Outcome(bool Passed, string Explanation);

    public static Outcome Run(string name)
    {
        var run = UpstreamLangRun.Of(name);
        var okay = run.Okay;
        var (request, searchPath, lints, lintWarnings, features, maxCallDepth) = BuildRequest(run.Arguments);
        var root = run.Root;
        var options = new EvaluatorOptions
        {
            CurrentDirectory = root,
            EnvironmentVariables = run.Environment,
            SearchPath = searchPath,
            Lints = lints,
            LintWarnings = lintWarnings,
            ExperimentalFeatures = features,
            MaxCallDepth = maxCallDepth,
        };
        var result = new ConfigEvaluator(options).Evaluate(request);
        var stdout = run.WithPwd(result.Stdout);

        if (!okay)
        {
            if (result.Succeeded) return new Outcome(false, $"expected an error, got success:\n{stdout}");
            if (!result.Stderr.StartsWith("error:", StringComparison.Ordinal)) return new Outcome(false, $"stderr does not start with 'error:':\n{result.Stderr}");
            if (result.Error!.Location is null) return new Outcome(false, $"the error has no location:\n{result.Stderr}");
            return new Outcome(true, run.WithPwd(result.Stderr));
        }

        var expected = run.ExpectedStdout!;
        var expectedErr = run.ExpectedStderr;
        if (!result.Succeeded) return new Outcome(false, $"evaluation failed:\n{result.Stderr}");
        if (Normalize(stdout) != Normalize(expected))
        {
            return new Outcome(false, $"stdout differs.\nexpected: {expected}\nactual:   {stdout}");
        }
        // Warnings name the file: the folder is /pwd there too, as the upstream harness writes it;
        // compared byte for byte, as lang.sh's diff does.
        var stderr = run.WithPwd(result.Stderr);
        if (stderr != expectedErr)
        {
            return new Outcome(false, $"stderr differs.\nexpected: {expectedErr}\nactual:   {stderr}");
        }
        return new Outcome(true, "");
    }

    /// <summary>
    /// For an eval-fail case: Nix's error message (the last <c>error:</c> line of <c>.err.exp</c>, after
    /// any trace frames) and ConfigLang's (the first line of stderr), each with the corpus folder
    /// written /pwd and <c>:LINE:COL</c> positions removed.
    /// </summary>
    public static (string Expected, string Actual) ErrorMessages(string name) => ErrorMessages(name, Run(name).Explanation);

    /// <summary>As <see cref="ErrorMessages(string)"/>, for the standard error (folder already /pwd) of a run made elsewhere (the CLI binary).</summary>
    public static (string Expected, string Actual) ErrorMessages(string name, string stderr)
    {
        var expectedText = File.ReadAllText(Path.Combine(LangDirectory, name + ".err.exp"));
        // The last line that starts with "error: " (a message may itself hold "error: ", as
        // "JSON serialization error: …" does).
        var lines = System.Text.RegularExpressions.Regex.Matches(expectedText, @"^\s*error: (.*)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        var expected = lines.Count == 0 ? "" : lines[^1].Groups[1].Value.TrimEnd('\r');
        var first = stderr.Split('\n')[0];
        var actual = first.StartsWith("error: ", StringComparison.Ordinal) ? first["error: ".Length..] : first;
        var physical = new DirectoryInfo(CorpusRoot).ResolveLinkTarget(true)?.FullName ?? CorpusRoot;
        return (WithoutPositions(expected), WithoutPositions(actual.Replace(physical, "/pwd").Replace(CorpusRoot, "/pwd")));
    }

    private static string WithoutPositions(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @":\d+:\d+", "").Trim();

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(line => line.TrimEnd(' '))).TrimEnd('\n');

    /// <summary>The nix-instantiate arguments of <see cref="UpstreamLangRun"/> read as <c>configlang eval</c> reads them.</summary>
    private static (EvaluationRequest Request, IReadOnlyList<string> SearchPath, LiteralLints Lints, LiteralLints LintWarnings, HashSet<string> Features, int MaxCallDepth) BuildRequest(IReadOnlyList<string> flags)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        var lints = LiteralLints.None;
        var lintWarnings = LiteralLints.None;
        var maxCallDepth = new EvaluatorOptions().MaxCallDepth;
        var attrPaths = new List<string>();
        var autoArgs = new List<(string, string, bool)>();
        var searchPath = new List<string>();
        bool strict = false, xml = false, noLocation = false, showTrace = false;
        string? file = null;
        for (var i = 0; i < flags.Count; i++)
        {
            switch (flags[i])
            {
                case "-A" or "--attr": attrPaths.Add(flags[++i]); break;
                case "-I": searchPath.Add(flags[++i]); break;
                case "--arg": autoArgs.Add((flags[i + 1], flags[i + 2], false)); i += 2; break;
                case "--argstr": autoArgs.Add((flags[i + 1], flags[i + 2], true)); i += 2; break;
                case "--show-trace": showTrace = true; break;
                case "--extra-experimental-features": features.UnionWith(flags[++i].Split(' ')); break;
                case "--option": i += 2; break;
                case "--lint-url-literals" when flags[i + 1] == "fatal": lints |= LiteralLints.UrlLiterals; i++; break;
                case "--lint-short-path-literals" when flags[i + 1] == "fatal": lints |= LiteralLints.ShortPathLiterals; i++; break;
                case "--lint-absolute-path-literals" when flags[i + 1] == "fatal": lints |= LiteralLints.AbsolutePathLiterals; i++; break;
                case "--lint-url-literals" when flags[i + 1] == "warn": lintWarnings |= LiteralLints.UrlLiterals; i++; break;
                case "--lint-short-path-literals" when flags[i + 1] == "warn": lintWarnings |= LiteralLints.ShortPathLiterals; i++; break;
                case "--lint-absolute-path-literals" when flags[i + 1] == "warn": lintWarnings |= LiteralLints.AbsolutePathLiterals; i++; break;
                case "--lint-url-literals" or "--lint-short-path-literals" or "--lint-absolute-path-literals": i++; break;
                case "--strict": strict = true; break;
                case "--xml": xml = true; break;
                case "--no-location": noLocation = true; break;
                case "--eval" or "--impure": break;
                case "--no-show-trace": showTrace = false; break;
                case "--max-call-depth": maxCallDepth = int.Parse(flags[++i]); break;
                case var argument when !argument.StartsWith('-'): file = argument; break;
                default: throw new InvalidOperationException($"the corpus runner does not know the flag '{flags[i]}'");
            }
        }
        var request = new EvaluationRequest
        {
            File = file ?? throw new InvalidOperationException("the corpus run names no file"),
            AttrPaths = attrPaths,
            Strict = strict,
            Output = xml ? EvaluationOutput.Xml : EvaluationOutput.Nix,
            XmlLocations = !noLocation,
            AutoArgs = autoArgs,
            ShowTrace = showTrace,
        };
        return (request, searchPath, lints, lintWarnings, features, maxCallDepth);
    }
}
