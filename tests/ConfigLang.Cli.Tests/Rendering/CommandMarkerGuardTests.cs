using ConfigLang.Cli.Rendering;

namespace ConfigLang.Cli.Tests.Rendering;

/// <summary>The guard judges a line's start however the line is written: whole, in pieces, or across a flush.</summary>
public sealed class CommandMarkerGuardTests
{
    private static string Guarded(Action<TextWriter> write)
    {
        var inner = new StringWriter();
        using (var guard = new CommandMarkerGuard(inner)) write(guard);
        return inner.ToString();
    }

    [Fact]
    public void A_marker_written_one_character_at_a_time_across_a_flush_is_escaped()
    {
        var output = Guarded(w =>
        {
            w.Write("ok\n ");
            w.Write(':');
            w.Flush();
            w.Write(':');
            w.Write("add-mask::s\r##[error]x\n");
        });

        Assert.Equal("ok\n \\u003a:add-mask::s\r\\u0023#[error]x\n", output);
    }

    [Fact]
    public void Colons_inside_a_line_single_marker_characters_and_Markdown_headings_are_left_alone()
    {
        var output = Guarded(w => w.Write("a ::b\n:c\n#d\n## `x`\n##v\n#\n#[\n##vs"));

        Assert.Equal("a ::b\n:c\n#d\n## `x`\n##v\n#\n#[\n##vs", output);
    }

    [Fact]
    public void The_older_and_Azure_forms_are_escaped_inside_a_line_as_their_runners_find_them_there()
    {
        // GitHub's ##[ parser and Azure's ##vso[ look anywhere in a line; "###[" holds one after its first '#'.
        var output = Guarded(w =>
        {
            w.Write("name x ##[add-mask]s and y #");
            w.Write("#vSo[task.setvariable variable=x]y ###[error]z\n");
        });

        Assert.Equal("name x \\u0023#[add-mask]s and y \\u0023#vSo[task.setvariable variable=x]y #\\u0023#[error]z\n", output);
    }

    [Fact]
    public void Azure_commands_are_escaped_whatever_the_case_even_written_in_pieces()
    {
        var output = Guarded(w =>
        {
            w.Write("\t##v");
            w.Flush();
            w.Write("so[task.setvariable variable=x]y\n##VSO[x]\n");
        });

        Assert.Equal("\t\\u0023#vso[task.setvariable variable=x]y\n\\u0023#VSO[x]\n", output);
    }

    [Fact]
    public void Disabled_it_writes_as_it_is()
    {
        var output = Guarded(w =>
        {
            ((CommandMarkerGuard)w).Enabled = false;
            w.Write("::error::x\n");
        });

        Assert.Equal("::error::x\n", output);
    }

    [Theory]
    [InlineData("::error file=a##[add-mask]z.nix::m ##VSO[task.setvariable variable=x]y", "::error file=a\\u0023#[add-mask]z.nix::m \\u0023#VSO[task.setvariable variable=x]y")]
    [InlineData("::notice::###[x] ## y #", "::notice::#\\u0023#[x] ## y #")]
    [InlineData("::warning::a ##vs", "::warning::a ##vs")]
    public void Within_a_line_the_anywhere_markers_are_escaped_as_the_guard_escapes_them_and_the_start_is_kept(string line, string escaped)
    {
        Assert.Equal(escaped, CommandMarkerGuard.EscapeMarkersWithinLine(line));
        // The same rule as the guard's: what the guard writes for the text after a line's start.
        Assert.Equal("x" + escaped[2..], Guarded(w => w.Write("x" + line[2..])));
    }
}
