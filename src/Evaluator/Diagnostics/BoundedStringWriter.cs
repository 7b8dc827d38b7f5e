using System.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// A <see cref="StringWriter"/> for text the program decides (<c>builtins.trace</c> in a loop) that
/// keeps the first <c>maxBytes</c> and counts the rest (see <see cref="BoundedTextBuilder"/>).
/// </summary>
public sealed class BoundedStringWriter(int maxBytes) : TextWriter
{
    private readonly BoundedTextBuilder _text = new(maxBytes);

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => _text.Append(value);

    public override void Write(string? value) => _text.Append(value);

    public override void Write(char[] buffer, int index, int count) => _text.Append(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => _text.Append(buffer);

    /// <summary>What was written, cut, with the marker on a line of its own when something was left out.</summary>
    public override string ToString()
    {
        if (!_text.IsFull) return _text.ToString();
        var kept = _text.Kept;
        var lineBreak = kept.Length == 0 || kept.EndsWith('\n') ? "" : "\n";
        return kept + lineBreak + PrintedTextBounds.Marker(_text.DroppedBytes) + "\n";
    }
}
