using System.Text;

namespace ConfigLang.Fuzz;

/// <summary>
/// Makes one mutant from a seed input: one to four mutations at byte or token level (delete,
/// duplicate, swap, insert tokens, keywords, brackets and odd bytes, repeat a slice or nest it
/// thousands of times, splice in another input). Everything it does follows from the
/// <see cref="FuzzRandom"/> it is given.
/// </summary>
public sealed class Mutator(SeedCorpus corpus, int maxInputBytes = Mutator.DefaultMaxInputBytes)
{
    public const int DefaultMaxInputBytes = 1024 * 1024;

    private static readonly SeedKind[] Kinds = Enum.GetValues<SeedKind>();

    private delegate string? Mutation(List<byte> input, FuzzRandom random);

    public Mutant Make(FuzzRandom random)
    {
        // Each kind a third of the time: the language tests outnumber the hosts ten to one, and
        // hosts are what lint (the command run on untrusted pull requests) mostly sees.
        var ofKind = corpus.OfKind(random.Pick(Kinds));
        var seed = ofKind[random.Next(ofKind.Count)];
        var input = new List<byte>(seed.Content);
        var applied = new List<string>();
        var count = 1 + random.Next(4);
        Mutation[] mutations =
        [
            DeleteBytes, DeleteToken, DuplicateSlice, SwapTokens, InsertToken, InsertToken, ReplaceToken,
            InsertSnippet, InsertSpecial, FlipByte, RepeatSlice, Nest, Splice,
        ];
        for (var i = 0; i < count; i++)
        {
            var description = random.Pick(mutations)(input, random);
            if (description is not null) applied.Add(description);
            if (input.Count > maxInputBytes) input.RemoveRange(maxInputBytes, input.Count - maxInputBytes);
        }
        return new Mutant(seed, [.. input], string.Join(", ", applied));
    }

    private static string? DeleteBytes(List<byte> input, FuzzRandom random)
    {
        if (input.Count == 0) return null;
        var start = random.Next(input.Count);
        var length = Math.Min(1 + random.Next(32), input.Count - start);
        input.RemoveRange(start, length);
        return $"delete {length} bytes at {start}";
    }

    private static string? DeleteToken(List<byte> input, FuzzRandom random)
    {
        if (Tokens(input) is not { Count: > 0 } tokens) return null;
        var (start, length) = random.Pick(tokens);
        input.RemoveRange(start, length);
        return $"delete token at {start}";
    }

    private static string? DuplicateSlice(List<byte> input, FuzzRandom random)
    {
        if (input.Count == 0) return null;
        var start = random.Next(input.Count);
        var length = Math.Min(1 + random.Next(64), input.Count - start);
        var slice = input.GetRange(start, length);
        var at = random.Next(input.Count + 1);
        input.InsertRange(at, slice);
        return $"duplicate {length} bytes from {start} at {at}";
    }

    private static string? SwapTokens(List<byte> input, FuzzRandom random)
    {
        if (Tokens(input) is not { Count: > 1 } tokens) return null;
        var first = random.Pick(tokens);
        var second = random.Pick(tokens);
        if (first.Start > second.Start) (first, second) = (second, first);
        if (first.Start + first.Length > second.Start) return null;
        var a = input.GetRange(first.Start, first.Length);
        var b = input.GetRange(second.Start, second.Length);
        input.RemoveRange(second.Start, second.Length);
        input.InsertRange(second.Start, a);
        input.RemoveRange(first.Start, first.Length);
        input.InsertRange(first.Start, b);
        return $"swap tokens at {first.Start} and {second.Start}";
    }

    private static string? InsertToken(List<byte> input, FuzzRandom random)
    {
        var token = random.Pick(MutationDictionary.Tokens);
        var at = TokenBoundary(input, random);
        input.InsertRange(at, Spaced(token, random));
        return $"insert '{Show(token)}' at {at}";
    }

    private static string? ReplaceToken(List<byte> input, FuzzRandom random)
    {
        if (Tokens(input) is not { Count: > 0 } tokens) return null;
        var (start, length) = random.Pick(tokens);
        var token = random.Pick(MutationDictionary.Tokens);
        input.RemoveRange(start, length);
        input.InsertRange(start, token);
        return $"replace token at {start} with '{Show(token)}'";
    }

    private static string? InsertSnippet(List<byte> input, FuzzRandom random)
    {
        var snippet = random.Pick(MutationDictionary.Snippets);
        var at = TokenBoundary(input, random);
        input.InsertRange(at, Spaced(snippet, random));
        return $"insert '{Show(snippet)}' at {at}";
    }

    private static string? InsertSpecial(List<byte> input, FuzzRandom random)
    {
        var bytes = random.Pick(MutationDictionary.Special);
        var at = random.Next(input.Count + 1);
        input.InsertRange(at, bytes);
        return $"insert bytes {Convert.ToHexString(bytes)} at {at}";
    }

    private static string? FlipByte(List<byte> input, FuzzRandom random)
    {
        if (input.Count == 0) return null;
        var at = random.Next(input.Count);
        input[at] = (byte)random.Next(256);
        return $"set byte {at} to {input[at]:X2}";
    }

    /// <summary>Long chains and deep nesting: a slice (a token, a few bytes or a dictionary token) many times over.</summary>
    private string? RepeatSlice(List<byte> input, FuzzRandom random)
    {
        byte[] slice;
        if (random.OneIn(2) || input.Count == 0)
        {
            slice = random.Pick(MutationDictionary.Tokens);
        }
        else
        {
            var start = random.Next(input.Count);
            slice = [.. input.GetRange(start, Math.Min(1 + random.Next(12), input.Count - start))];
        }
        var times = Math.Min(RepeatCount(random), (maxInputBytes - input.Count) / Math.Max(1, slice.Length));
        if (times < 2) return null;
        var at = TokenBoundary(input, random);
        input.InsertRange(at, Repeated(slice, times));
        return $"repeat '{Show(slice)}' x{times} at {at}";
    }

    /// <summary>Wraps a slice of the input in the same pair of brackets (or let, lambda, if, ...) many levels deep.</summary>
    private string? Nest(List<byte> input, FuzzRandom random)
    {
        var (open, close) = random.Pick(MutationDictionary.Nestings);
        var levels = Math.Min(RepeatCount(random), (maxInputBytes - input.Count) / (open.Length + close.Length));
        if (levels < 1) return null;
        var start = TokenBoundary(input, random);
        var end = start + random.Next(input.Count - start + 1);
        input.InsertRange(end, Repeated(close, levels));
        input.InsertRange(start, Repeated(open, levels));
        return $"nest '{Show(open)}'...'{Show(close)}' x{levels} around {start}..{end}";
    }

    /// <summary>The head of this input joined to the tail of another.</summary>
    private string? Splice(List<byte> input, FuzzRandom random)
    {
        var other = corpus.Inputs[random.Next(corpus.Inputs.Count)];
        var cut = random.Next(input.Count + 1);
        var from = random.Next(other.Content.Length + 1);
        input.RemoveRange(cut, input.Count - cut);
        input.AddRange(other.Content.AsSpan(from).ToArray());
        return $"splice at {cut} with {other.Name} from {from}";
    }

    /// <summary>Mostly small counts; sometimes the thousands that make parsers and printers recurse deeply.</summary>
    private static int RepeatCount(FuzzRandom random) => random.Next(4) switch
    {
        0 or 1 => random.Next(2, 17),
        2 => random.Next(100, 2_000),
        _ => random.Next(10_000, 100_000),
    };

    /// <summary>An array, not a lazy sequence: List.InsertRange inserts a sequence one byte at a time.</summary>
    private static byte[] Repeated(byte[] slice, int times)
    {
        var bytes = new byte[slice.Length * times];
        for (var i = 0; i < times; i++) slice.CopyTo(bytes, i * slice.Length);
        return bytes;
    }

    private static byte[] Spaced(byte[] token, FuzzRandom random) =>
        random.OneIn(2) ? [(byte)' ', .. token, (byte)' '] : token;

    private static int TokenBoundary(List<byte> input, FuzzRandom random)
    {
        var tokens = Tokens(input);
        if (tokens.Count == 0 || random.OneIn(4)) return random.Next(input.Count + 1);
        var (start, length) = random.Pick(tokens);
        return random.OneIn(2) ? start : start + length;
    }

    /// <summary>A rough lexing: runs of name characters, runs of white space, and single other bytes.</summary>
    private static List<(int Start, int Length)> Tokens(List<byte> input)
    {
        var tokens = new List<(int, int)>();
        var i = 0;
        while (i < input.Count)
        {
            var start = i;
            if (IsNameByte(input[i])) while (i < input.Count && IsNameByte(input[i])) i++;
            else if (IsSpace(input[i])) while (i < input.Count && IsSpace(input[i])) i++;
            else i++;
            if (!IsSpace(input[start])) tokens.Add((start, i - start));
        }
        return tokens;
    }

    private static bool IsNameByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'\'' or (byte)'-' || b >= 0x80;

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static string Show(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).Replace("\n", "\\n", StringComparison.Ordinal);
        return text.Length > 40 ? text[..40] + "..." : text;
    }
}
