using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// A string and its context: the store paths it refers to (empty for almost every string here,
/// since there is no store; derivations and <c>placeholder</c> add entries). The context is a
/// sorted array without duplicates, or null when empty.
/// </summary>
public sealed class StringValue : Value
{
    public static readonly StringValue Empty = new("", null);

    // The context, or for a string without one the symbol of its text once used as a name: one
    // field for both keeps every string value at three words (a rendered file keeps millions).
    private object? _contextOrSymbol;

    public StringValue(string text, string[]? context = null)
    {
        Text = text;
        _contextOrSymbol = context is { Length: > 0 } ? context : null;
    }

    /// <summary>The bytes, one per char (see <see cref="ByteText"/>); <see cref="ToUnicode"/> gives .NET text.</summary>
    public string Text { get; }

    public string[]? Context => _contextOrSymbol is Values.Symbol ? null : Unsafe.As<string[]>(_contextOrSymbol);

    /// <summary>
    /// This text as an attribute name, once someone has used it as one (<see cref="Symbol.Intern(StringValue)"/>).
    /// Only a string without context can be a name (Nix refuses the others, see <see cref="ContextFreeStrings"/>),
    /// so the field never has to hold both; the setter leaves a context in place all the same.
    /// </summary>
    internal Symbol? Symbol
    {
        get => _contextOrSymbol as Values.Symbol;
        set
        {
            if (_contextOrSymbol is null or Values.Symbol) _contextOrSymbol = value;
        }
    }

    public bool HasContext => _contextOrSymbol is string[];

    public override ValueKind Kind => ValueKind.String;

    /// <summary>A string of bytes already in the runtime's form (<see cref="ByteText"/>): ASCII, or bytes of a Nix string.</summary>
    public static StringValue Of(string text) => text.Length == 0 ? Empty : new StringValue(text);

    /// <summary>A string of .NET text (a file name, a host's name, a message): kept as its UTF-8 bytes.</summary>
    public static StringValue FromUnicode(string text) => Of(ByteText.FromUnicode(text));

    /// <summary>The text for .NET code (hosts, file names, messages): the bytes decoded as UTF-8.</summary>
    public string ToUnicode() => ByteText.ToUnicode(Text);

    /// <summary>The union of two contexts, sorted, without duplicates.</summary>
    public static string[]? MergeContext(string[]? a, string[]? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        var set = new SortedSet<string>(a, StringComparer.Ordinal);
        set.UnionWith(b);
        return [.. set];
    }
}
