using System.Text.Json;
using ConfigLang.Acme.Model;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Adapters;

/// <summary>
/// The certificate requests of a host that passed lint, with its path and evaluator options, the
/// facts the lint read, the caller's extra query as JSON (null when it asked none), and the files
/// the host is written in.
/// </summary>
public sealed record LoadedHost(string Path, EvaluatorOptions Options, IReadOnlyList<CertificateRequest> Requests, HostFacts Facts, string? ExtraJson,
    HostSources Sources);

/// <summary>
/// What preview, rebuild and renew do first: lint the host (any error is printed and stops the
/// command with exit 1, before anything is touched) and map <c>security.acme.certs</c> to
/// <see cref="CertificateRequest"/>s, all from one evaluation of the modules.
/// </summary>
public sealed class HostRequestLoader(CliConsole console, HostLinter linter)
{
    /// <summary>The loaded host, or <c>null</c> after printing why not (exit code in <paramref name="exitCode"/>).</summary>
    /// <param name="root">The host's <c>--root</c>, for the checks that look at files.</param>
    /// <param name="extra">A further Nix expression over <c>cfg</c> the caller needs (its JSON is <see cref="LoadedHost.ExtraJson"/>).</param>
    public LoadedHost? Load(string file, EvaluatorOptions options, string root, out int exitCode, string? extra = null)
    {
        exitCode = ExitCodes.Ok;
        if (!File.Exists(file))
        {
            console.Error.WriteLine($"error[{LintCodes.MissingFile}]: the configuration file '{file}' does not exist");
            exitCode = ExitCodes.Usage;
            return null;
        }
        var query = $"{{ requests = {AcmeRequestMapper.Expression}; extra = {extra ?? "null"}; }}";
        var linted = linter.Run(file, options, root, query);
        if (linted.Diagnostics.Any(d => d.IsError))
        {
            new TextDiagnosticWriter().Write(DiagnosticReport.Create(linted.Diagnostics), console.Error, console.DiagnosticOptions(console.Error));
            exitCode = ExitCodes.InputErrors;
            return null;
        }
        var path = Path.GetFullPath(file);
        var queryJson = linted.QueryJson;
        if (queryJson is null)
        {
            // The query failed where the lint did not look: evaluate it alone for its error.
            var evaluated = HostEvaluation.Evaluate(HostEvaluation.CreateEvaluator(options), path, query);
            if (!evaluated.Succeeded)
            {
                console.Error.Write(evaluated.Stderr);
                exitCode = ExitCodes.InputErrors;
                return null;
            }
            queryJson = evaluated.Stdout;
        }
        using var document = JsonDocument.Parse(queryJson);
        var extraElement = document.RootElement.GetProperty("extra");
        return new LoadedHost(path, options, AcmeRequestMapper.Map(document.RootElement.GetProperty("requests")), linted.Facts!,
            extraElement.ValueKind == JsonValueKind.Null ? null : extraElement.GetRawText(), linted.Sources!);
    }
}
