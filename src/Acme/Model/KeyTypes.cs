using System.Diagnostics.CodeAnalysis;

namespace ConfigLang.Acme.Model;

/// <summary>
/// Parsing and formatting of <see cref="KeyType"/> in the configuration's spelling
/// (<c>ec256</c>, <c>rsa4096</c>, …), plus the facts planning and storage need about each type.
/// </summary>
public static class KeyTypes
{
    private static readonly (KeyType Type, string Name)[] Names =
    [
        (KeyType.Ec256, "ec256"), (KeyType.Ec384, "ec384"),
        (KeyType.Rsa2048, "rsa2048"), (KeyType.Rsa3072, "rsa3072"),
        (KeyType.Rsa4096, "rsa4096"), (KeyType.Rsa8192, "rsa8192"),
    ];

    /// <summary>Every key type, in the order the option documentation lists them.</summary>
    public static IReadOnlyList<KeyType> All { get; } = Names.Select(n => n.Type).ToArray();

    /// <summary>The configuration spelling, e.g. <c>ec256</c>.</summary>
    public static string Format(KeyType type)
    {
        foreach (var (t, name) in Names) if (t == type) return name;
        throw new ArgumentOutOfRangeException(nameof(type), type, "unknown key type");
    }

    /// <summary>Parses the configuration spelling; exact, lower-case, as lego expects it.</summary>
    public static bool TryParse(string? text, out KeyType type)
    {
        foreach (var (t, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal)) { type = t; return true; }
        }
        type = default;
        return false;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the accepted spellings.</summary>
    public static KeyType Parse(string text) =>
        TryParse(text, out var type)
            ? type
            : throw new FormatException($"'{text}' is not a key type; expected one of {string.Join(", ", Names.Select(n => n.Name))}");

    /// <summary>True for the ECDSA types.</summary>
    public static bool IsEcdsa(this KeyType type) => type is KeyType.Ec256 or KeyType.Ec384;

    /// <summary>RSA modulus or EC field size in bits.</summary>
    public static int KeySizeInBits(this KeyType type) => type switch
    {
        KeyType.Ec256 => 256,
        KeyType.Ec384 => 384,
        KeyType.Rsa2048 => 2048,
        KeyType.Rsa3072 => 3072,
        KeyType.Rsa4096 => 4096,
        KeyType.Rsa8192 => 8192,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown key type"),
    };

    /// <summary>The key type of a key given its algorithm family and size; false for anything else.</summary>
    public static bool TryFromKey(bool isEcdsa, int sizeInBits, [NotNullWhen(true)] out KeyType? type)
    {
        foreach (var t in All)
        {
            if (t.IsEcdsa() == isEcdsa && t.KeySizeInBits() == sizeInBits) { type = t; return true; }
        }
        type = null;
        return false;
    }
}
