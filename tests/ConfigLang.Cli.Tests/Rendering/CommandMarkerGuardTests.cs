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
}
