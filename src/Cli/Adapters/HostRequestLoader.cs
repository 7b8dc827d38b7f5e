using ConfigLang.Acme.Model;
using ConfigLang.Cli.Rendering;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Cli.Adapters;

/// <summary>The certificate requests of a host that passed lint, with its path and evaluator (for further queries).</summary>
public sealed record LoadedHost(string Path, EvaluatorOptions Options, IReadOnlyList<CertificateRequest> Requests);

/// <summary>
/// What preview, rebuild and renew do first: lint the host (any error is printed and stops the
/// command with exit 1, before anything is touched), evaluate it and map
/// <c>security.acme.certs</c> to <see cref="CertificateRequest"/>s.
/// </summary>
public sealed class HostRequestLoader(CliConsole console, HostLinter linter)
{
    /// <summary>The loaded host, or <c>null</c> after printing why not (exit code in <paramref name="exitCode"/>).</summary>
    /// <param name="root">The host's <c>--root</c>, for the checks that look at files.</param>
    public LoadedHost? Load(string file, EvaluatorOptions options, string root, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (!File.Exists(file))
        {
            console.Error.WriteLine($"error[{LintCodes.MissingFile}]: the configuration file '{file}' does not exist");
            exitCode = ExitCodes.Usage;
            return null;
        }
        var problems = linter.Lint(file, options, root);
        if (problems.Any(d => d.IsError))
        {
            new TextDiagnosticWriter().Write(DiagnosticReport.Create(problems), console.Error, console.DiagnosticOptions(console.Error));
            exitCode = ExitCodes.InputErrors;
            return null;
        }
        var path = Path.GetFullPath(file);
        var evaluated = HostEvaluation.Evaluate(HostEvaluation.CreateEvaluator(options), path, AcmeRequestMapper.Expression);
        if (!evaluated.Succeeded)
        {
            console.Error.Write(evaluated.Stderr);
            exitCode = ExitCodes.InputErrors;
            return null;
        }
        return new LoadedHost(path, options, AcmeRequestMapper.Map(evaluated.Stdout));
    }
}
