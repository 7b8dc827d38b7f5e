using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>
/// A fixed set of diagnostics over real sources, deliberately out of order, for the golden and
/// shape tests of every format: a diagnostic with a label in another file, one with a
/// multi-line span, one without a location, one in a file outside the working directory, one
/// whose message and file name need escaping, and a warning and a note beside the errors.
/// </summary>
public static class RenderingFixture
{
    /// <summary>An invented working directory, so outputs do not depend on where tests run.</summary>
    public const string WorkingDirectory = "/home/user/site";

    public static SourceText Web { get; } = new(
        """
        { config, lib, ... }:
        {
          security.acme.certs."example.org" = {
            group = "nginx";
            webroot = "/var/lib/acme/acme-challenge";
          };
          services.nginx.virtualHosts."example.org".enableACME = true;
        }

        """, WorkingDirectory + "/hosts/web.nix");

    public static SourceText AcmeModule { get; } = new(
        """
        {
          security.acme.certs."example.org".group = "acme";
        }

        """, WorkingDirectory + "/modules/acme.nix");

    /// <summary>Outside the working directory: shown with its absolute path.</summary>
    public static SourceText Common { get; } = new(
        """
        { security.acme.defaults.email = "admin@example.org"; }

        """, "/etc/configlang/common.nix");

    /// <summary>Named relative to the working directory (as given on a command line), with
    /// characters that need escaping in workflow-command properties and URIs.</summary>
    public static SourceText Odd { get; } = new(
        """
        { description = "100%: a,b
        next line"; }

        """, "hosts/odd, name:50%.nix");

    public static IReadOnlyList<Diagnostic> Diagnostics { get; } =
    [
        Diagnostic.Error("CL9002", "no host configuration given; pass a file such as hosts/web.nix", null)
            .WithNote("run `configlang lint --help` for the usage"),
        Diagnostic.Error("CL2003", "The option `services.nginx.virtualHosts.\"example.org\".enableACME' needs `security.acme.acceptTerms' to be true",
                At(Web, "enableACME = true"))
            with { Subject = "services.nginx.virtualHosts.\"example.org\".enableACME" },
        Diagnostic.Error("CL2001", "The option `security.acme.certs.\"example.org\".group' is defined multiple times",
                At(Web, "group = \"nginx\""))
            .WithLabel(At(AcmeModule, "group = \"acme\""), "also defined here")
            .WithNote("give one definition a higher priority, for example with lib.mkForce")
            with { Subject = "security.acme.certs.\"example.org\".group" },
        Diagnostic.Warning("CL3005", "certificate `example.org' sets `webroot' but no virtual host serves /.well-known/acme-challenge from it",
                Between(Web, "{\n    group", "  };"))
            with { Subject = "security.acme.certs.\"example.org\"" },
        new Diagnostic("CL3100", DiagnosticSeverity.Note, "`security.acme.defaults.email' applies to every certificate",
            At(Common, "security.acme.defaults.email"), [], []),
        Diagnostic.Error("CL1003", "string \"100%: a,b\" spans lines:\r\nsecond «line», with <html> & 'quotes'",
                Between(Odd, "\"100%", "line\""))
            .WithLabel(At(Odd, "100%: a,b"), "50% of it, here: see"),
        Diagnostic.Warning("CL2010", "definition of `security.acme.certs.\"example.org\".group' has no effect",
            At(AcmeModule, "security.acme.certs")),
    ];

    public static SourceLocation At(SourceText source, string snippet)
    {
        var start = source.Text.IndexOf(snippet, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"'{snippet}' not in {source.Path}");
        return new SourceLocation(source, new TextSpan(start, snippet.Length));
    }

    /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceLocation Between(SourceText source, string first, string last)
    {
        var start = At(source, first).Span.Start;
        var end = source.Text.IndexOf(last, start, StringComparison.Ordinal) + last.Length;
        return new SourceLocation(source, TextSpan.FromBounds(start, end));
    }
}
