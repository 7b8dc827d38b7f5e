using System.Text;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

/// <summary>Printed text is measured as the commands' UTF-8 writers emit it; source text as its file held it.</summary>
public sealed class WholeCharactersTests
{
    // A kept invalid byte (0xFF), a lone first and a lone second half, a pair, two- and three-byte characters.
    public static TheoryData<string> Texts => ["a\uDCFFb", "x\uD83D", "\uDE00y", "😀", "é€", "a😀\uDCC3é"];

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_size_of_a_text_is_what_a_UTF8_writer_emits_for_it_a_lone_surrogate_as_U_FFFD(string text)
    {
        var printed = Printed(text);

        WholeCharacters.FittingPrefix(text, long.MaxValue, out var fromStart);
        WholeCharacters.FittingSuffix(text, long.MaxValue, out var fromEnd);

        Assert.Equal(printed, fromStart);
        Assert.Equal(printed, fromEnd);
    }

    [Fact]
    public void A_kept_invalid_byte_prints_as_three_bytes_but_was_one_in_its_file()
    {
        var file = new byte[] { (byte)'a', 0xFF, (byte)'b' };
        var text = ByteText.DecodeKeepingInvalid(file);

        Assert.Equal(5, Printed(text));
        Assert.Equal(file.Length, ByteText.Utf8Length(text));
    }

    [Fact]
    public void A_budget_that_ends_inside_a_lone_surrogate_leaves_it_out()
    {
        Assert.Equal(1, WholeCharacters.FittingPrefix("a\uDCFFb", 3, out var bytes));
        Assert.Equal(1, bytes);
    }

    [Fact]
    public void A_head_cut_between_the_halves_of_a_pair_leaves_the_first_half_out()
    {
        Assert.Equal(1, WholeCharacters.CutLength("a😀".AsSpan(0, 2)));
        Assert.Equal(3, WholeCharacters.CutLength("a😀"));
        Assert.Equal(2, WholeCharacters.CutLength("a\uDCFF"));
        Assert.Equal(0, WholeCharacters.CutLength(""));
    }

    /// <summary>The bytes a writer like the console's (UTF-8, no byte order mark, replacing what it cannot encode) writes.</summary>
    private static long Printed(string text)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true)) writer.Write(text);
        return stream.Length;
    }
}
