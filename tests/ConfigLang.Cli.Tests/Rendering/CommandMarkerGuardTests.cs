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
    public void Markers_inside_a_line_and_single_marker_characters_are_left_alone()
    {
        var output = Guarded(w => w.Write("a ::b\n:c\n#d\n:"));

        Assert.Equal("a ::b\n:c\n#d\n:", output);
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
