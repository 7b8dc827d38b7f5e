using System.Text;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

/// <summary>Messages print at most a fixed number of UTF-8 bytes of an input-controlled text, cut
/// between characters, and say how many bytes they left out.</summary>
public sealed class PrintedTextBoundsTests
{
    [Fact]
    public void A_text_within_the_limit_is_returned_as_it_is()
    {
        var text = new string('a', 4096);
        Assert.Same(text, PrintedTextBounds.Cut(text, 4096));
    }

    [Fact]
    public void A_longer_text_keeps_its_first_bytes_and_counts_the_rest()
    {
        var cut = PrintedTextBounds.Cut(new string('x', 30_000_000), 4096);

        Assert.Equal(new string('x', 4096) + "… (29,995,904 more bytes)", cut);
    }

    [Fact]
    public void The_cut_falls_between_characters_and_counts_utf8_bytes()
    {
        // "é" is two bytes, "😀" four (a surrogate pair): 3 + 2 + 2 bytes fit in 7, the emoji does not.
        var cut = PrintedTextBounds.Cut("abcéé😀😀" + new string('z', 10), 7);

        Assert.Equal("abcéé… (18 more bytes)", cut);
        Assert.Equal(18, Encoding.UTF8.GetByteCount("😀😀" + new string('z', 10)));
    }

    [Fact]
    public void A_surrogate_pair_is_never_split_even_when_appended_in_two_pieces()
    {
        // The first half fits in the six bytes, the second does not.
        var builder = new BoundedTextBuilder(6);
        builder.Append("abc").Append('\uD83D').Append('\uDE00').Append("tail");

        var text = builder.ToString();

        // The pair's four bytes and the tail's four are counted.
        Assert.Equal("abc… (8 more bytes)", text);
        Assert.Equal(text, builder.ToString());
    }

    [Fact]
    public void A_diagnostic_is_cut_in_its_message_notes_labels_and_option_path()
    {
        var huge = new string('m', 1_000_000);
        var diagnostic = new Diagnostic("CL2002", DiagnosticSeverity.Error, huge, null, [], [.. Enumerable.Repeat(huge, 250)])
        {
            Subject = huge,
        };

        var bounded = PrintedTextBounds.Bound(diagnostic);

        // The message leaves 16 KiB to its notes. Head, marker and the last 4 KiB: 45,030 + 24 + 4,096 bytes, within 48 KiB.
        Assert.Equal(new string('m', 45_030) + "… (950,874 more bytes)" + new string('m', PrintedTextBounds.MaxTailBytes), bounded.Message);
        // The first note, cut to 64 KiB, takes the rest of the diagnostic's budget: the others are only counted.
        Assert.Equal(2, bounded.Notes.Count);
        Assert.EndsWith("… (934,490 more bytes)" + new string('m', PrintedTextBounds.MaxTailBytes), bounded.Notes[0]);
        Assert.Equal("and 249 more notes not shown", bounded.Notes[1]);
        Assert.EndsWith("… (995,904 more bytes)", bounded.Subject);
        Assert.Equal("CL2002", bounded.Code);
    }

    [Fact]
    public void A_cut_message_keeps_its_end_so_the_advice_after_a_huge_quoted_value_still_prints()
    {
        var message = "The option `a' does not exist. Definition values:\n- In `f': \"" + new string('x', 30_000_000)
            + "\"\n\nDid you mean `users'?";

        var bounded = PrintedTextBounds.Bound(Diagnostic.Error("CL2002", message, null));

        Assert.StartsWith("The option `a' does not exist.", bounded.Message);
        Assert.EndsWith("xxxx\"\n\nDid you mean `users'?", bounded.Message);
        Assert.Matches(@"xxxx… \(29,934,5\d\d more bytes\)xxxx", bounded.Message);
        Assert.InRange(Encoding.UTF8.GetByteCount(bounded.Message), PrintedTextBounds.MaxMessageBytes - 8, PrintedTextBounds.MaxMessageBytes);
    }

    [Fact]
    public void A_middle_cut_leaves_out_whole_emoji_at_both_of_its_edges()
    {
        // 985 bytes, bound 200: the marker takes 20, the tail up to a quarter of the rest (45), the head the rest (138).
        // Each edge falls inside an emoji, which is left out whole and counted.
        var text = new string('a', 135) + "😀" + new string('c', 800) + "😀" + new string('b', 42);

        var cut = PrintedTextBounds.CutMiddle(text, 200);

        Assert.Equal(new string('a', 135) + "… (808 more bytes)" + new string('b', 42), cut);
    }

    [Fact]
    public void A_middle_cut_of_a_text_within_the_limit_returns_it_as_it_is()
    {
        var text = new string('a', 4096);
        Assert.Same(text, PrintedTextBounds.CutMiddle(text, 4096));
    }

    [Fact]
    public void A_small_diagnostic_is_the_same_instance()
    {
        var diagnostic = Diagnostic.Error("CL0001", "short", null).WithNote("a note");
        Assert.Same(diagnostic, PrintedTextBounds.Bound(diagnostic));
    }

    [Fact]
    public void A_bounded_writer_keeps_the_first_traces_and_ends_with_the_count_on_its_own_line()
    {
        var writer = new BoundedStringWriter(20);
        for (var i = 0; i < 1000; i++) writer.WriteLine("trace: 0123456789");

        Assert.Equal("trace: 0123456789\ntr\n… (17,980 more bytes)\n", writer.ToString());
    }

    [Fact]
    public void A_trace_keeps_the_first_hundred_frames_and_counts_the_rest()
    {
        var trace = Enumerable.Range(0, 50_000).Select(i => new TraceFrame($"while evaluating the attribute 'a{i}'", null)).ToList();

        var bounded = PrintedTextBounds.BoundTrace(trace);

        Assert.Equal(PrintedTextBounds.MaxNotes + 1, bounded.Count);
        Assert.Equal(trace.Take(PrintedTextBounds.MaxNotes), bounded.Take(PrintedTextBounds.MaxNotes));
        Assert.Equal("and 49,900 more frames not shown", bounded[^1].Message);
    }

    [Fact]
    public void A_trace_of_long_frames_stops_once_the_whole_reaches_the_message_limit()
    {
        // 100 frames cut to 64 KiB each would print 6.5 MB: the first one fills the trace's budget.
        var huge = new string('n', 100_000);
        var trace = Enumerable.Range(0, 50_000).Select(i => new TraceFrame($"while evaluating the attribute '{(i < 200 ? huge : "")}{i}'", null)).ToList();

        var bounded = PrintedTextBounds.BoundTrace(trace);

        Assert.Equal(2, bounded.Count);
        Assert.Matches(@"^while evaluating the attribute 'n+… \([\d,]+ more bytes\)n+0'$", bounded[0].Message);
        Assert.Equal("and 49,999 more frames not shown", bounded[1].Message);
    }

    [Fact]
    public void A_run_of_equal_frames_counts_once_so_it_still_prints_as_one_frame_and_its_duplicates()
    {
        var frame = new TraceFrame("while calling 'f'", null);
        var trace = Enumerable.Repeat(frame, 50_000).Append(new TraceFrame("while evaluating 'x'", null)).ToList();

        var bounded = PrintedTextBounds.BoundTrace(trace);

        Assert.Equal(trace, bounded);
    }

    [Fact]
    public void Suggested_names_are_cut_like_quoted_values()
    {
        var diagnostic = Diagnostic.Error("CL0001", "undefined", null) with { Suggestions = [new string('s', 1_000_000)] };

        var bounded = PrintedTextBounds.Bound(diagnostic);

        Assert.EndsWith("… (995,904 more bytes)", Assert.Single(bounded.Suggestions));
    }

    [Fact]
    public void Notes_are_added_while_the_whole_diagnostic_is_under_the_message_limit()
    {
        var diagnostic = new Diagnostic("CL2002", DiagnosticSeverity.Error, "short", null, [], [.. Enumerable.Repeat(new string('k', 1_000_000), 250)]);

        var bounded = PrintedTextBounds.Bound(diagnostic);

        // One note cut to 64 KiB fills it; the 249 others are counted, not 100 notes of 64 KiB each.
        Assert.Equal(2, bounded.Notes.Count);
        Assert.EndsWith("… (934,490 more bytes)" + new string('k', PrintedTextBounds.MaxTailBytes), bounded.Notes[0]);
        Assert.Equal("and 249 more notes not shown", bounded.Notes[1]);
    }

    [Fact]
    public void Parts_that_each_fit_are_still_bounded_when_together_they_do_not()
    {
        // Each part is just under a third of 64 KiB in characters, so alone it fits; together they are 4 MB.
        var part = new string('p', PrintedTextBounds.MaxMessageBytes / 3);
        var diagnostic = new Diagnostic("CL2002", DiagnosticSeverity.Error, part, null,
            [.. Enumerable.Repeat(new DiagnosticLabel(default, part), 100)], [.. Enumerable.Repeat(part, 100)]);

        var bounded = PrintedTextBounds.Bound(diagnostic);

        // The message and three notes reach 64 KiB; the rest are counted.
        Assert.Equal([part, part, part, "and 97 more notes not shown", "and 100 more related locations not shown"], bounded.Notes);
        Assert.Empty(bounded.Labels);
    }

    [Fact]
    public void A_cut_message_leaves_room_for_the_short_notes_and_labels_after_it()
    {
        var diagnostic = new Diagnostic("CL1005", DiagnosticSeverity.Error, new string('m', 1_000_000), null,
            [new DiagnosticLabel(default, "defined here")], ["raised in lib/options.nix:12:5", "set it to a string"]);

        var bounded = PrintedTextBounds.Bound(diagnostic);

        // Their 60 bytes and a line each are left out of the message's 64 KiB (its cut falls a few bytes under).
        Assert.Equal(["raised in lib/options.nix:12:5", "set it to a string"], bounded.Notes);
        Assert.Equal("defined here", Assert.Single(bounded.Labels).Message);
        Assert.InRange(Encoding.UTF8.GetByteCount(bounded.Message), PrintedTextBounds.MaxMessageBytes - 63 - 8, PrintedTextBounds.MaxMessageBytes - 63);
    }

    [Fact]
    public void A_cut_message_leaves_at_most_a_quarter_of_its_bound_to_notes_so_the_whole_stays_near_twice_the_bound()
    {
        var huge = new string('m', 1_000_000);
        var diagnostic = new Diagnostic("CL1005", DiagnosticSeverity.Error, huge, null,
            [.. Enumerable.Repeat(new DiagnosticLabel(default, huge), 100)], [.. Enumerable.Repeat(huge, 100)]);

        var bounded = PrintedTextBounds.Bound(diagnostic);

        var messageBound = PrintedTextBounds.MaxMessageBytes - PrintedTextBounds.MaxNotesRoomBytes;
        Assert.InRange(Encoding.UTF8.GetByteCount(bounded.Message), messageBound - 8, messageBound);
        // The first note, cut to 64 KiB, takes the rest; the others are counted.
        Assert.Equal(3, bounded.Notes.Count);
        Assert.Equal(["and 99 more notes not shown", "and 100 more related locations not shown"], bounded.Notes.Skip(1));
        Assert.Empty(bounded.Labels);
        var printed = bounded.Notes.Append(bounded.Message).Sum(text => Encoding.UTF8.GetByteCount(text));
        Assert.True(printed <= 2 * PrintedTextBounds.MaxMessageBytes, $"{printed} bytes");
    }

    [Theory]
    [InlineData(65_000)]
    [InlineData(70_000)]
    public void A_long_message_leaves_room_for_its_notes_whether_or_not_it_is_cut(int messageBytes)
    {
        var message = new string('m', messageBytes);
        string[] notes = [new string('a', 300), new string('b', 300), new string('c', 300)];
        var diagnostic = new Diagnostic("CL1005", DiagnosticSeverity.Error, message, null, [], notes);

        var bounded = PrintedTextBounds.Bound(diagnostic);

        Assert.Equal(notes, bounded.Notes);
        // One that fits prints whole; one that does not is cut to the bound less the notes' room.
        if (messageBytes <= PrintedTextBounds.MaxMessageBytes) Assert.Same(message, bounded.Message);
        else Assert.InRange(Encoding.UTF8.GetByteCount(bounded.Message), PrintedTextBounds.MaxMessageBytes - 903 - 8, PrintedTextBounds.MaxMessageBytes - 903);
    }

    [Fact]
    public void A_trace_given_fewer_runs_counts_the_frames_left_in_its_last_run()
    {
        var trace = Enumerable.Range(0, 10_000).Select(i => new TraceFrame($"while evaluating the attribute 'a{i}'", null)).ToList();

        var runs = PrintedTextBounds.BoundRuns(trace, maxRuns: 98);

        Assert.Equal(99, runs.Count);
        Assert.Equal(trace.Take(98), runs.Take(98).Select(run => run.Frame));
        Assert.Equal(new TraceRun(new TraceFrame("and 9,902 more frames not shown", null), 0), runs[^1]);
    }
}
