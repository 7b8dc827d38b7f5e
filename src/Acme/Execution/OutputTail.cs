using System.Text;

namespace ConfigLang.Acme.Execution;

/// <summary>
/// The end of what a program wrote: the last <see cref="MaxBytes"/> bytes, then of those the last
/// <see cref="MaxLines"/> lines. A postRun or reload command that writes without end costs a fixed
/// amount of memory, and what a person needs to see why it failed is at the end.
/// </summary>
public sealed record OutputTail(string Text, bool Truncated)
{
    public const int MaxBytes = 4096;
    public const int MaxLines = 20;

    public static readonly OutputTail Empty = new("", false);

    /// <summary>Reads <paramref name="stream"/> to its end, keeping only the tail.</summary>
    public static async Task<OutputTail> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Twice the tail: when full, the last MaxBytes move to the front, so each byte is copied at most once per MaxBytes read.
        var buffer = new byte[2 * MaxBytes];
        var length = 0;
        var dropped = false;
        while (true)
        {
            if (length == buffer.Length)
            {
                Buffer.BlockCopy(buffer, length - MaxBytes, buffer, 0, MaxBytes);
                length = MaxBytes;
                dropped = true;
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        var start = Math.Max(0, length - MaxBytes);
        return From(buffer.AsSpan(start, length - start), dropped || start > 0);
    }

    /// <summary>The tail of <paramref name="bytes"/> (already at most <see cref="MaxBytes"/> when <paramref name="cut"/>).</summary>
    public static OutputTail From(ReadOnlySpan<byte> bytes, bool cut)
    {
        if (bytes.Length > MaxBytes)
        {
            bytes = bytes[^MaxBytes..];
            cut = true;
        }
        // A cut may fall inside a UTF-8 sequence: its continuation bytes are not text.
        if (cut) while (bytes.Length > 0 && (bytes[0] & 0xC0) == 0x80) bytes = bytes[1..];
        var lines = Encoding.UTF8.GetString(bytes).TrimEnd().ReplaceLineEndings("\n").Split('\n');
        // The first line of a cut is only the end of a line.
        if (cut && lines.Length > 1) lines = lines[1..];
        if (lines.Length > MaxLines)
        {
            lines = lines[^MaxLines..];
            cut = true;
        }
        var text = string.Join('\n', lines).Trim('\n');
        return new OutputTail(text, cut && text.Length > 0);
    }

    /// <summary>Stdout's tail then stderr's (a program run through <c>2&gt;&amp;1</c> has only the first).</summary>
    public static OutputTail Join(OutputTail first, OutputTail second) =>
        first.Text.Length == 0 ? second
        : second.Text.Length == 0 ? first
        : From(Encoding.UTF8.GetBytes(first.Text + "\n" + second.Text), cut: false) is var joined
            ? joined with { Truncated = joined.Truncated || first.Truncated || second.Truncated } : first;
}
