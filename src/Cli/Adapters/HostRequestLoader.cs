using ConfigLang.Acme.Model;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Host;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Cli.Adapters;

/// <summary>
/// The certificate requests of a host that passed lint, with its path and evaluator options, the
/// facts the lint read and what the caller's reader returned (default when it asked none).
/// </summary>
public sealed record LoadedHost<T>(string Path, EvaluatorOptions Options, IReadOnlyList<CertificateRequest> Requests, HostFacts Facts, T? Extra);

/// <summary>
/// What preview, rebuild and renew do first: lint the host (any error is printed and stops the
/// command with exit 1, before anything is touched) and map <c>security.acme.certs</c> to
/// <see cref="CertificateRequest"/>s, all from one evaluation of the modules.
/// </summary>
public sealed class HostRequestLoader(CliConsole console, HostLinter linter)
{
    /// <summary>The loaded host, or <c>null</c> after printing why not (exit code in <paramref name="exitCode"/>).</summary>
    /// <param name="root">The host's <c>--root</c>, for the checks that look at files.</param>
    /// <param name="extra">Reads what else the caller needs from the same evaluation (its result is <see cref="LoadedHost{T}.Extra"/>).</param>
    public LoadedHost<T>? Load<T>(string file, EvaluatorOptions options, string root, out int exitCode, Func<HostConfiguration, HostFacts, T>? extra = null)
    {
        exitCode = ExitCodes.Ok;
        if (!File.Exists(file))
        {
            console.Error.WriteLine($"error[{LintCodes.MissingFile}]: the configuration file '{file}' does not exist");
            exitCode = ExitCodes.Usage;
            return null;
        }
        var linted = linter.Run(file, options, root, extra, readsHostFiles: true);
        if (linted.Diagnostics.Any(d => d.IsError) || linted.Requests is null)
        {
            new TextDiagnosticWriter().Write(DiagnosticReport.Create(linted.Diagnostics), console.Error, console.DiagnosticOptions(console.Error));
            exitCode = ExitCodes.InputErrors;
            return null;
        }
        return new LoadedHost<T>(Path.GetFullPath(file), options, linted.Requests, linted.Facts!, linted.Extra);
    }

    /// <inheritdoc cref="Load{T}"/>
    public LoadedHost<object?>? Load(string file, EvaluatorOptions options, string root, out int exitCode) =>
        Load<object?>(file, options, root, out exitCode);
}
