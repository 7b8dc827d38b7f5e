using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Text;
using ConfigLang.Host.Checks;
using ConfigLang.Host.Fleet;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Host;

/// <summary>What linting a host found, with what the same evaluation read for its caller.</summary>
/// <param name="Facts">The resolved values the checks read; null when evaluation failed.</param>
/// <param name="Requests">The certificate requests (with where each is defined); null when evaluation failed or lint found errors.</param>
/// <param name="Extra">What the caller's reader returned (see <see cref="HostLinter.Run{T}"/>); default when it was not run.</param>
public sealed record HostLintResult<T>(IReadOnlyList<Diagnostic> Diagnostics, HostFacts? Facts, IReadOnlyList<CertificateRequest>? Requests, T? Extra)
{
    /// <summary>The host as the fleet checks see it, when asked for and its facts were read.</summary>
    public FleetMember? Member { get; init; }
}

/// <summary>
/// <c>configlang lint</c> for one host file: evaluates it once with the built-in option library
/// (<see cref="HostEvaluator"/>), reports an evaluation error at the user's definition it comes
/// from, otherwise every failed assertion (<see cref="LintCodes.FailedAssertion"/>) and warning,
/// then forces every certificate and account option (type checks), runs the
/// <see cref="IHostCheck"/>s and the planner's own checks of the requests. Every finding points
/// at the user's definition that decides it, found in the module system's record of
/// definitions (<see cref="OptionLocator"/>).
/// </summary>
public sealed partial class HostLinter(IEnumerable<IHostCheck> checks)
{
    /// <param name="root">Where the host's files are (<c>--root</c>): checks that look at files on disk look there.</param>
    public IReadOnlyList<Diagnostic> Lint(string file, EvaluatorOptions options, string root = "/", bool showTrace = false) =>
        Run<object?>(file, options, root, null, showTrace).Diagnostics;

    /// <summary>
    /// Lints the host and, in the same evaluation, maps its certificates to requests and runs
    /// <paramref name="read"/> (when lint found no error) on the configuration and its facts (the one
    /// projection of the certificates) for what else the caller needs
    /// (preview, rebuild and renew read nginx and the job limit that way).
    /// </summary>
    /// <param name="fleet">Also read the host's <see cref="HostLintResult{T}.Member"/> for the fleet checks (<see cref="FleetLinter"/>).</param>
    /// <param name="readsHostFiles">True for the commands that look at the host's files under <paramref name="root"/> (<see cref="HostFacts.ReadsHostFiles"/>).</param>
    public HostLintResult<T> Run<T>(string file, EvaluatorOptions options, string root, Func<HostConfiguration, HostFacts, T>? read, bool showTrace = false, bool fleet = false,
        bool readsHostFiles = false)
    {
        var path = Path.GetFullPath(file, options.CurrentDirectory);
        if (!File.Exists(path))
            return new([Diagnostic.Error(LintCodes.MissingFile, $"the configuration file '{file}' does not exist", null)], null, null, default);
        var outcome = new HostEvaluator(options).Evaluate(path, config => Lint(config, root, read, showTrace, fleet, readsHostFiles), showTrace);
        return outcome.Error is { } error ? new([error], null, null, default) : outcome.Value!;
    }

    // The fleet's view is read here, while the configuration is, since it locates definitions.
    private HostLintResult<T> Lint<T>(HostConfiguration config, string root, Func<HostConfiguration, HostFacts, T>? read, bool showTrace, bool fleet, bool readsHostFiles)
    {
        var result = LintConfiguration(config, root, read, showTrace, readsHostFiles);
        return fleet && result.Facts is { } facts ? result with { Member = FleetMember.Read(config.HostFile, facts) } : result;
    }

    private HostLintResult<T> LintConfiguration<T>(HostConfiguration config, string root, Func<HostConfiguration, HostFacts, T>? read, bool showTrace, bool readsHostFiles)
    {
        var locator = new OptionLocator(config);
        // The facts are read (the certificates and accounts forced whole) before the assertions:
        // the assertions then find those values computed, where in the other order they cost
        // twice the CPU on a 1,000-certificate host (lint-scale). Type errors show only when
        // values are forced; a failing assertion may explain them, so they are reported only
        // when nothing else was.
        HostFacts? facts = null;
        EvaluationException? factsError = null;
        try
        {
            // The checks look at files the configuration names only where the evaluation could, by
            // the evaluation's own list (see HostFacts.ReadablePaths).
            facts = HostFacts.Read(config) with { Root = root, ReadsHostFiles = readsHostFiles, ReadablePaths = config.ReadablePaths };
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            factsError = e;
        }
        var diagnostics = new List<Diagnostic>();
        foreach (var assertion in config.Get("assertions").Items)
        {
            if (!assertion["assertion"].Bool)
                diagnostics.Add(AssertionLocator.Locate(Diagnostic.Error(LintCodes.FailedAssertion, assertion["message"].String!.Trim(), null), locator));
        }
        foreach (var warning in config.Get("warnings").Strings)
            diagnostics.Add(AssertionLocator.Locate(Diagnostic.Warning(LintCodes.ConfigurationWarning, warning.Trim(), null), locator));

        if (facts is null)
        {
            if (!diagnostics.Any(d => d.IsError)) diagnostics.Add(HostEvaluator.Located(factsError!, config.HostFile, showTrace));
            return new(diagnostics, null, null, default);
        }
        foreach (var check in checks)
        {
            foreach (var finding in check.Check(facts))
            {
                // NixOS's own ownership assertion already names the service: do not say it twice.
                if (finding.Code == LintCodes.KeyNotReadable && diagnostics.Any(d => d.Code == LintCodes.FailedAssertion && d.Message.Contains("must be readable by", StringComparison.Ordinal)))
                    continue;
                diagnostics.Add(finding);
            }
        }
        // The planner's checks of the requests run even beside other errors, so one run reports all.
        var hadErrors = diagnostics.Any(d => d.IsError);
        IReadOnlyList<CertificateRequest> requests;
        try
        {
            requests = AcmeRequestMapper.Map(config, facts, withSites: read is not null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // A value the option types let through but the executor cannot take (a key type, a
            // name); the checks above report the names.
            if (!hadErrors) diagnostics.Add(Diagnostic.Error(LintCodes.FailedAssertion, e.Message, locator.Locate(["security", "acme", "certs"])));
            return new(diagnostics, facts, null, default);
        }
        diagnostics.AddRange(CertificatePlanner.Validate(requests).Select(issue => PlanIssueDiagnostic(issue, facts)));
        if (diagnostics.Any(d => d.IsError)) return new(diagnostics, facts, requests, default);
        return new(diagnostics, facts, requests, read is null ? default : read(config, facts));
    }

    /// <summary>A planner issue at the user's definition of the option it names.</summary>
    private static Diagnostic PlanIssueDiagnostic(PlanIssue issue, HostFacts facts)
    {
        var location = issue.Certificate is { } cert ? facts.LocateCert(cert, issue.Option) : null;
        var subject = issue.Certificate is null ? null
            : issue.Option is null ? $"security.acme.certs.\"{issue.Certificate}\"" : $"security.acme.certs.\"{issue.Certificate}\".{issue.Option}";
        return issue.Severity == PlanIssueSeverity.Error
            ? Diagnostic.Error(issue.Code, issue.Message, location) with { Subject = subject }
            : Diagnostic.Warning(issue.Code, issue.Message, location) with { Subject = subject };
    }
}
