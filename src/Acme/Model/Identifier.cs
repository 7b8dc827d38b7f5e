using System.Globalization;

namespace ConfigLang.Acme.Model;

/// <summary>
/// A name a certificate covers (an ACME <c>dns</c> identifier). Kept as written apart from
/// case folding and IDNA conversion to ASCII, because the CA compares names that way and
/// NixOS's domain hash is order- and spelling-sensitive on the ASCII form.
/// </summary>
public sealed record Identifier
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>The ASCII, lower-case name, e.g. <c>*.example.org</c>.</summary>
    public string Value { get; }

    private Identifier(string value) => Value = value;

    /// <summary>True for <c>*.</c> names, which only dns-01 can validate.</summary>
    public bool IsWildcard => Value.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>The name with a leading <c>*.</c> removed (the name whose TXT record proves control).</summary>
    public string BaseDomain => IsWildcard ? Value[2..] : Value;

    /// <summary>Creates an identifier; Unicode names are converted to their ASCII (punycode) form.</summary>
    public static Identifier Dns(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Identifier(Canonical(name));
    }

    /// <summary>
    /// The form the CA compares names in (lower case, ASCII, no trailing dot), without throwing:
    /// null for an empty name or one with no ASCII form (an invalid internationalized name).
    /// </summary>
    public static string? TryCanonical(string name)
    {
        try
        {
            return Canonical(name) is { Length: > 0 } canonical ? canonical : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Lower case, ASCII, no trailing dot; <see cref="ArgumentException"/> for a name with no ASCII form.</summary>
    private static string Canonical(string name)
    {
        var trimmed = name.Trim().TrimEnd('.');
        return (trimmed.All(char.IsAscii) ? trimmed : ConvertToAscii(trimmed)).ToLowerInvariant();
    }

    private static string ConvertToAscii(string name)
    {
        // IdnMapping rejects '*', so convert the part after a wildcard label only.
        var wildcard = name.StartsWith("*.", StringComparison.Ordinal);
        var ascii = Idn.GetAscii(wildcard ? name[2..] : name);
        return wildcard ? "*." + ascii : ascii;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
