using System.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// A string builder that keeps at most a given number of UTF-8 bytes, cut on a character boundary,
/// and only counts what comes after (see <see cref="PrintedTextBounds"/>). Printing a huge value
/// for a message then holds a few kilobytes, not the value's whole printed form.
/// </summary>
public sealed class BoundedTextBuilder(int maxBytes)
{
    private readonly StringBuilder _kept = new();
    private long _keptBytes;

    /// <summary>The UTF-8 bytes appended past the limit.</summary>
    public long DroppedBytes { get; private set; }

    /// <summary>Whether anything was cut; what comes next is only counted.</summary>
    public bool IsFull => DroppedBytes > 0;

    public BoundedTextBuilder Append(string? text) => Append(text.AsSpan());

    public BoundedTextBuilder Append(char c) => Append(new ReadOnlySpan<char>(in c));

    public BoundedTextBuilder Append(ReadOnlySpan<char> text)
    {
        if (IsFull)
        {
            DroppedBytes += Encoding.UTF8.GetByteCount(text);
            return this;
        }
        var fitting = WholeCharacters.FittingPrefix(text, maxBytes - _keptBytes, out var bytes);
        _kept.Append(text[..fitting]);
        _keptBytes += bytes;
        if (fitting == text.Length) return this;
        var rest = text[fitting..];
        // A surrogate pair appended in two pieces must not leave its first half alone at the cut: drop the
        // pair whole and count its four bytes.
        if (fitting == 0 && _kept.Length > 0 && char.IsHighSurrogate(_kept[^1]) && char.IsLowSurrogate(rest[0]))
        {
            _kept.Length--;
            _keptBytes -= 3;
            DroppedBytes += 4;
            rest = rest[1..];
        }
        DroppedBytes += Encoding.UTF8.GetByteCount(rest);
        return this;
    }

    /// <summary>The text kept, without the marker.</summary>
    public string Kept => _kept.ToString();

    /// <summary>What was kept, then <see cref="PrintedTextBounds.Marker"/> when something was cut.</summary>
    public override string ToString() => IsFull ? _kept + PrintedTextBounds.Marker(DroppedBytes) : _kept.ToString();
}
