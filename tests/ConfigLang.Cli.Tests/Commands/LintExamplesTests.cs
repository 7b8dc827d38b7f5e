using ConfigLang.Host;
using System.Text.Json.Nodes;
using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Composition;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Tests.Rendering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Lib;
using ConfigLang.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang lint</c> on the examples: each file in <c>examples/broken/</c> reports its
/// mistake (golden text per file under <c>Rendering/Golden/lint/</c>, and the line of the
/// <c># MISTAKE:</c> comment where the span is findable); the good examples have no errors.
/// </summary>
public sealed class LintExamplesTests
{
    private static readonly string Broken = Path.Combine(RepositoryRoot.Path, "examples", "broken");

    // Files whose reported span is on the commented line: all of them. (Mutually exclusive
    // options point at the one defined last; the syntax error at the end of the line that lacks
    // its `;`, where the comment is.)
    public static TheoryData<string> OnTheMistakeLine() =>
    [
        "certificate-name-not-a-directory.nix", "challenge-in-pool.nix", "cluster-key-malformed.nix", "credential-without-file-suffix.nix", "credentials-in-store.nix", "credentials-readable-by-others.nix", "csr-without-key.nix",
        "dns-provider-misspelled.nix", "dns-provider-unsupported.nix", "eab-without-hmac.nix", "enable-acme-with-use-acme-host.nix", "enable-acme-without-http-listener.nix", "environment-file-with-nul.nix",
        "force-and-add-ssl.nix", "http01-port-closed.nix", "legacy-extra-domains.nix", "listen-tls-and-webroot.nix", "nginx-cannot-read-cert.nix",
        "no-challenge.nix", "no-email.nix", "removed-cert-user.nix",
        "removed-option-production.nix", "syntax-error.nix", "terms-not-accepted.nix", "two-challenges.nix", "unknown-option-webRoot.nix",
        "use-acme-host-misspelled.nix", "webroot-not-served.nix", "wildcard-in-name.nix", "wildcard-over-http01.nix", "wrong-type-validMinDays.nix",
    ];

    public static TheoryData<string> BrokenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Broken, "*.nix").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    public static TheoryData<string> GoodHosts()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "examples")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "host.nix"))) data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    // The examples about a secret's mode (0644), which the checkout's umask would decide: they are
    // linted from a temporary copy with that mode set, laid out as in the repository.
    private static readonly Dictionary<string, string> ModeDependent = new(StringComparer.Ordinal)
    {
        ["credentials-readable-by-others.nix"] = "cloudflare.env",
        ["cluster-key-malformed.nix"] = "acme-cluster.key",
    };

    private static readonly Lazy<string> StagedRoot = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("configlang-broken-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        var broken = Path.Combine(root, "examples", "broken");
        Directory.CreateDirectory(Path.Combine(broken, "secrets"));
        foreach (var (example, secretName) in ModeDependent)
        {
            File.Copy(Path.Combine(Broken, example), Path.Combine(broken, example));
            var secret = Path.Combine(broken, "secrets", secretName);
            File.Copy(Path.Combine(Broken, "secrets", secretName), secret);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return root;
    });

    private static string RootOf(string file) => ModeDependent.ContainsKey(file) ? StagedRoot.Value : RepositoryRoot.Path;

    // Every check the CLI registers, as `configlang lint` runs them, so a new check shows in the goldens.
    private static HostLinter Linter() =>
        new ServiceCollection().AddLintServices().BuildServiceProvider().GetRequiredService<HostLinter>();

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Each_broken_example_reports_its_mistake_as_in_the_golden_text(string file)
    {
        var root = RootOf(file);
        var diagnostics = Linter().Lint(Path.Combine(root, "examples", "broken", file), new EvaluatorOptions());
        Assert.NotEmpty(diagnostics);
        var output = new StringWriter();
        new TextDiagnosticWriter().Write(DiagnosticReport.Create(diagnostics, root), output, DiagnosticWriterOptions.Default);
        // Paths that depend on the machine: the extracted library and the checkout.
        var text = output.ToString().Replace(LibraryFiles.Directory, "<library>").Replace(root, "<repo>");
        GoldenFile.AssertMatches($"lint/{Path.GetFileNameWithoutExtension(file)}.txt", text);
    }

    [Theory]
    [MemberData(nameof(OnTheMistakeLine))]
    public void The_span_is_on_the_line_of_the_mistake(string file)
    {
        var path = Path.Combine(RootOf(file), "examples", "broken", file);
        var mistakeLine = Array.FindIndex(File.ReadAllLines(path), l => l.Contains("# MISTAKE", StringComparison.Ordinal)) + 1;
        var diagnostics = Linter().Lint(path, new EvaluatorOptions());
        Assert.Contains(diagnostics, d => d.Location is { } l && l.Start.Line == mistakeLine);
    }

    [Theory]
    [MemberData(nameof(GoodHosts))]
    public void Good_examples_lint_without_errors(string example)
    {
        var run = CliRun.Invoke("lint", Path.Combine(RepositoryRoot.Path, "examples", example, "host.nix"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("0 errors", run.Stderr);
    }

    [Fact]
    public void All_files_are_reported_in_one_run_and_errors_exit_1()
    {
        var run = CliRun.Invoke("lint", "--format", "json",
            Path.Combine(Broken, "no-email.nix"), Path.Combine(Broken, "wildcard-over-http01.nix"));
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        var codes = JsonNode.Parse(run.Stdout)!["diagnostics"]!.AsArray().Select(d => ((string)d!["file"]!, (string)d["code"]!)).ToList();
        Assert.Contains(codes, c => c.Item1.EndsWith("no-email.nix", StringComparison.Ordinal) && c.Item2 == LintCodes.FailedAssertion);
        Assert.Contains(codes, c => c.Item1.EndsWith("wildcard-over-http01.nix", StringComparison.Ordinal) && c.Item2 == LintCodes.WildcardWithoutDns01);
    }

    [Fact]
    public void Warnings_fail_only_with_warnings_as_errors()
    {
        var inwx = Path.Combine(RepositoryRoot.Path, "examples", "dns01-inwx", "host.nix");
        Assert.Equal(ExitCodes.Ok, CliRun.Invoke("lint", inwx).ExitCode);
        var strict = CliRun.Invoke("lint", "--warnings-as-errors", "--format", "github", inwx);
        Assert.Equal(ExitCodes.InputErrors, strict.ExitCode);
        Assert.Contains("::warning", strict.Stdout);
        Assert.Contains(LintCodes.CredentialsInStore, strict.Stdout);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var run = CliRun.Invoke("lint", Path.Combine(Broken, "no-such-host.nix"));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("CL9003", run.Stderr);
    }

    [Fact]
    public void Sarif_goes_to_standard_output()
    {
        var run = CliRun.Invoke("lint", "--format", "sarif", Path.Combine(Broken, "no-email.nix"));
        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Equal("2.1.0", (string)JsonNode.Parse(run.Stdout)!["version"]!);
    }
}
