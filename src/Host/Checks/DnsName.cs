using ConfigLang.Acme.Model;
using System.Globalization;
using System.Net;

namespace ConfigLang.Host.Checks;

/// <summary>
/// Host names as an ACME CA reads them: validity of a name on a certificate, and whether a
/// certificate name covers a name a server answers to (exact match, or a <c>*.</c> wildcard
/// standing for exactly one leftmost label). Comparisons ignore case; non-ASCII names are
/// compared in their punycode form.
/// </summary>
public static class DnsName
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;

    /// <summary>What is wrong with <paramref name="name"/> as a certificate name, or null when it
    /// is valid. <paramref name="publicCa"/> adds the rule that a public CA issues only for names
    /// of at least two labels (no <c>localhost</c>, no bare top-level domain).</summary>
    public static DnsNameProblem? Validate(string name, bool publicCa)
    {
        if (name.Length == 0) return new("is empty");
        if (IsIpAddress(name)) return new("is an IP address, not a DNS name");
        if (name.Any(c => c > 0x7f))
        {
            return Identifier.TryCanonical(name) is { } ascii
                ? new("contains non-ASCII characters: internationalised names must be written in punycode", ascii)
                : new("contains non-ASCII characters and is not a valid internationalised name");
        }
        if (name.EndsWith('.')) return new("ends with a dot");
        if (name.Length > MaxLength) return new($"is {name.Length} characters long (at most {MaxLength})");

        var labels = name.Split('.');
        var rest = labels[0] == "*" ? labels[1..] : labels;
        if (labels[0] == "*" && rest.Length == 0) return new("is a bare wildcard");
        foreach (var label in rest)
        {
            if (LabelProblem(label) is { } problem) return new(problem);
        }
        if (publicCa && rest.Length < 2)
            return new(labels[0] == "*" ? "is a wildcard over a single label" : "has a single label; a public CA issues only for registered names");
        return null;
    }

    private static string? LabelProblem(string label)
    {
        if (label.Length == 0) return "has an empty label";
        if (label.Contains('*')) return "has a `*' that is not the whole leftmost label";
        if (label.Length > MaxLabelLength) return $"has a label of {label.Length} characters (at most {MaxLabelLength})";
        if (label.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')) is var bad && bad != default)
            return $"has the character '{bad}' in label \"{label}\" (letters, digits and '-' only)";
        if (label.StartsWith('-') || label.EndsWith('-')) return $"has the label \"{label}\" starting or ending with '-'";
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) && ToUnicode(label) is null)
            return $"has the label \"{label}\", which is not valid punycode";
        return null;
    }

    /// <summary>Whether <paramref name="name"/> is an IPv4 or IPv6 literal (optionally in brackets).</summary>
    public static bool IsIpAddress(string name)
    {
        var bare = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        if (bare.Contains(':')) return IPAddress.TryParse(bare, out _);
        return bare.Split('.') is { Length: 4 } parts && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && IPAddress.TryParse(bare, out _);
    }

    // With invariant globalization (this project's setting) IdnMapping decodes leniently, so the
    // result is checked too: an `xn--` label must stand for some non-ASCII text without controls.
    private static string? ToUnicode(string label)
    {
        string decoded;
        try { decoded = new IdnMapping().GetUnicode(label); }
        catch (ArgumentException) { return null; }
        return decoded.Any(char.IsControl) || decoded.All(c => c < 0x80) ? null : decoded;
    }

    /// <summary>The form names are compared in: lower case, without a trailing dot, punycode
    /// (as the ACME identifiers are made); a name with no ASCII form is only trimmed and lowered.</summary>
    public static string Canonical(string name) =>
        Identifier.TryCanonical(name) ?? name.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>Whether the certificate name <paramref name="certName"/> covers the served name
    /// <paramref name="served"/>: the same name, or <c>*.rest</c> for <c>label.rest</c> (one label,
    /// so neither <c>rest</c> itself nor <c>a.b.rest</c>). A served wildcard needs the same wildcard.</summary>
    public static bool Covers(string certName, string served)
    {
        var cert = Canonical(certName);
        var name = Canonical(served);
        if (cert == name) return true;
        if (!cert.StartsWith("*.", StringComparison.Ordinal) || name.StartsWith("*.", StringComparison.Ordinal)) return false;
        var dot = name.IndexOf('.');
        return dot > 0 && name[(dot + 1)..] == cert[2..];
    }
}

/// <summary>Why a name cannot go on a certificate, with the name to write instead when there is one.</summary>
public sealed record DnsNameProblem(string Reason, string? Suggestion = null);
