using System.Text;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// Nix strings are byte strings: <c>substring 0 1 "ü"</c> is the lone byte 0xC3, and a file that
/// is not UTF-8 keeps its bytes. The runtime keeps them in .NET strings holding one byte per char
/// (0–255, as Latin-1 would), so every string operation stays a plain .NET string operation and
/// counts bytes. Text coming from outside (source literals, file names, the environment, JSON)
/// is UTF-8-encoded into that form here, and text going out (printing, file names, messages,
/// hosts reading values) is decoded here. ASCII is the same in both forms, so the common case
/// costs one vectorized scan and no copy.
/// </summary>
public static class ByteText
{
    /// <summary>Bytes as a byte string.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The bytes of a byte string.</summary>
    public static byte[] ToBytes(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>First and last char standing for a byte that is not UTF-8 in decoded source text (<see cref="DecodeKeepingInvalid"/>).</summary>
    private const char FirstEscapedByte = '\uDC80', LastEscapedByte = '\uDCFF';

    /// <summary>
    /// .NET (UTF-16) text as the byte string of its UTF-8 encoding; a lone surrogate that
    /// <see cref="DecodeKeepingInvalid"/> made for an invalid byte becomes that byte again.
    /// </summary>
    public static string FromUnicode(string text)
    {
        if (Ascii.IsValid(text)) return text;
        if (text.AsSpan().IndexOfAnyInRange(FirstEscapedByte, LastEscapedByte) < 0) return FromBytes(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(text.Length * 2);
        Span<byte> encoded = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= FirstEscapedByte and <= LastEscapedByte)
            {
                builder.Append((char)(c - 0xDC00));
                continue;
            }
            var rune = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune1, out var used) == System.Buffers.OperationStatus.Done ? rune1 : Rune.ReplacementChar;
            i += Math.Max(used, 1) - 1;
            var length = rune.EncodeToUtf8(encoded);
            foreach (var b in encoded[..length]) builder.Append((char)b);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A source file's bytes as .NET text for the lexer and for messages: UTF-8 decoded (a leading
    /// byte-order mark dropped, as <see cref="File.ReadAllText(string)"/> does), except that a byte
    /// which is not part of valid UTF-8 becomes a lone surrogate (U+DC80–U+DCFF), so a string
    /// literal keeps it: Nix reads <c>"\xFF"</c> written as the raw byte as that byte.
    /// </summary>
    public static string DecodeKeepingInvalid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var builder = new StringBuilder(bytes.Length);
        Span<char> decoded = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                builder.Append(decoded[..rune.EncodeToUtf16(decoded)]);
            }
            else
            {
                builder.Append((char)(0xDC00 + bytes[0]));
                used = 1;
            }
            bytes = bytes[used..];
        }
        return builder.ToString();
    }

    /// <summary>
    /// How many bytes <paramref name="text"/> (decoded source text) had in its file, as Nix counts a column: its
    /// printed UTF-8 length (<see cref="WholeCharacters.Utf8Size"/>) but for a char standing for an invalid byte,
    /// which was one byte there (printed, it is U+FFFD's three).
    /// </summary>
    public static int Utf8Length(ReadOnlySpan<char> text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= FirstEscapedByte and <= LastEscapedByte)
            {
                length += 1;
                continue;
            }
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            length += WholeCharacters.Utf8Size(c, paired);
            if (paired) i++;
        }
        return length;
    }

    /// <summary>A source file as <see cref="DecodeKeepingInvalid"/> reads it.</summary>
    public static string ReadSourceFile(string path) => DecodeKeepingInvalid(File.ReadAllBytes(path));

    /// <summary>The index of the first byte that is not part of valid UTF-8, or -1.</summary>
    public static int IndexOfInvalidUtf8(string text)
    {
        if (Ascii.IsValid(text)) return -1;
        var bytes = ToBytes(text);
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var used) != System.Buffers.OperationStatus.Done) return offset;
            offset += used;
        }
        return -1;
    }

    /// <summary>
    /// A byte string decoded as UTF-8 for .NET (file names, messages, a host's names); a byte that
    /// is not part of valid UTF-8 becomes U+FFFD. Text that is already .NET text (a char above
    /// 0xFF, which no byte string holds) is returned as it is.
    /// </summary>
    public static string ToUnicode(string text)
    {
        var span = text.AsSpan();
        if (Ascii.IsValid(span) || span.IndexOfAnyInRange('\u0100', '\uffff') >= 0) return text;
        return Encoding.UTF8.GetString(ToBytes(text));
    }

}
