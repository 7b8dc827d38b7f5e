using System.Text.RegularExpressions;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Host;

/// <summary>
/// Points a failed assertion or a warning at the user's definition of the option it names. An
/// assertion is written in the option library, so its own place says nothing to the user; its
/// message names the options it guards (<c>`security.acme.certs."x".webroot'</c>, NixOS's bare
/// <c>security.acme.defaults.email</c>, "Certificate x (group=g)"). Each is looked up in the
/// module system's record of definitions: the first one the user defines is the location; when
/// the message says options are mutually exclusive (or exactly one of them is allowed), the one
/// defined last is, the others labelled.
/// </summary>
public static partial class AssertionLocator
{
    [GeneratedRegex("`([^`']+)['`]")]
    private static partial Regex QuotedOption();

    [GeneratedRegex(@"(?<![\w.""-])[a-zA-Z_][\w-]*(?:\.(?:""[^""]+""|<name>|[\w-]+))+")]
    private static partial Regex BareOption();

    [GeneratedRegex(@"^Certificate (\S+) \(group=")]
    private static partial Regex CertificateGroup();

    // Assertions whose message names the option they guard while their condition reads other
    // options of the same instance, which are usually the ones to change: looked at first.
    private static readonly (string Fragment, string[] Siblings)[] ConditionOptions =
    [
        ("needs a plain HTTP listener", ["listen", "listenAddresses"]),
    ];

    public static Diagnostic Locate(Diagnostic diagnostic, IOptionLocator locator)
    {
        var message = diagnostic.Message;
        var named = OptionsNamed(message).ToList();
        var siblings = ConditionOptions.Where(c => message.Contains(c.Fragment, StringComparison.Ordinal)).SelectMany(c => c.Siblings).ToList();
        var paths = named.SelectMany(p => siblings.Select(s => (IReadOnlyList<string>)[.. p.SkipLast(1), s])).Concat(named).ToList();
        var subject = QuotedOption().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
        var defined = paths.SelectMany(locator.Instances).Select(p => (Path: p, At: locator.DefinedAt(p))).Where(d => d.At is not null)
            .DistinctBy(d => d.At).ToList();
        if ((message.Contains("mutually exclusive", StringComparison.Ordinal) || message.Contains("Exactly one of", StringComparison.Ordinal))
            && defined.GroupBy(d => string.Join('\0', d.Path.SkipLast(1))).FirstOrDefault(g => g.Count() >= 2) is { } clash)
        {
            // The options of one instance (one virtual host) that are set together.
            var ordered = clash.OrderBy(d => d.At!.Value.Source.Path, StringComparer.Ordinal).ThenBy(d => d.At!.Value.Span.Start).ToList();
            var conflicting = ordered[^1];
            diagnostic = diagnostic with { Location = conflicting.At, Subject = subject };
            return ordered.Take(ordered.Count - 1).Aggregate(diagnostic, (d, earlier) => d.WithLabel(earlier.At!.Value, "conflicts with this definition"));
        }
        var location = defined.Count > 0 ? defined[0].At : paths.Count > 0 ? locator.Locate(paths[0].TakeWhile(p => !p.StartsWith('<')).ToList()) : locator.Locate([]);
        return diagnostic with { Location = location, Subject = subject };
    }

    /// <summary>The option paths a message names, the quoted ones first, the most specific (longest) first within each kind.</summary>
    private static IEnumerable<IReadOnlyList<string>> OptionsNamed(string message)
    {
        if (CertificateGroup().Match(message) is { Success: true } cert)
            yield return ["security", "acme", "certs", cert.Groups[1].Value, "group"];
        foreach (var path in QuotedOption().Matches(message).Select(m => ConfigurationQuery.SplitPath(m.Groups[1].Value)).OrderByDescending(p => p.Count))
            yield return path;
        foreach (var path in BareOption().Matches(message).Select(m => ConfigurationQuery.SplitPath(m.Value)).Where(p => p.Count > 1).OrderByDescending(p => p.Count))
            yield return path;
    }
}
