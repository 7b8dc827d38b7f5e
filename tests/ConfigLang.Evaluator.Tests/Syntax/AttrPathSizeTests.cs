using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>
/// Nearly every binding's path is one name, and a 10,000-line module has thousands: such a path
/// keeps its name without an array around it, and reads the same as a longer one.
/// </summary>
public sealed class AttrPathSizeTests
{
    [Fact]
    public void A_path_of_one_name_reads_as_a_list_of_that_name()
    {
        var tree = Parser.ParseSyntaxOnly(new SourceText("{ a = 1; b.\"c d\".${x} = 2; }", "t.nix"));

        var bindings = ((AttrSetExpr)tree.Root).Bindings.Cast<AttrBinding>().ToArray();
        var single = bindings[0].Path;
        Assert.Equal(1, single.Count);
        Assert.Equal("a", Assert.IsType<StaticAttrName>(single[0]).Name);
        Assert.Equal("a", Assert.IsType<StaticAttrName>(Assert.Single(single.Names)).Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => single[1]);
        var dotted = bindings[1].Path;
        Assert.Equal(3, dotted.Count);
        Assert.Equal(["b", "c d"], dotted.Names.Take(2).Select(n => ((StaticAttrName)n).Name));
        Assert.IsType<DynamicAttrName>(dotted[2]);
    }

    [Fact]
    public void A_plain_name_kept_as_text_reads_as_its_name_node()
    {
        var tree = Parser.ParseSyntaxOnly(new SourceText("{ abc = 1; \"q\" = 2; }", "t.nix"));

        var paths = ((AttrSetExpr)tree.Root).Bindings.Cast<AttrBinding>().Select(b => b.Path).ToArray();
        Assert.Equal(new StaticAttrName(new TextSpan(2, 3), "abc"), paths[0][0]);
        Assert.Equal(new TextSpan(2, 3), paths[0].Span);
        Assert.Equal(new AttrPath(new TextSpan(2, 3), new StaticAttrName(new TextSpan(2, 3), "abc")), paths[0]);
        Assert.Equal(new StaticAttrName(new TextSpan(11, 3), "q"), paths[1][0]);
    }

    [Fact]
    public void Paths_are_equal_by_their_names_whether_one_or_several()
    {
        var span = new TextSpan(0, 1);
        var a = new StaticAttrName(span, "a");
        var b = new StaticAttrName(new TextSpan(2, 1), "b");

        Assert.Equal(new AttrPath(span, [a]), new AttrPath(span, a));
        Assert.Equal(new AttrPath(span, [a, b]), new AttrPath(span, [a, b]));
        Assert.NotEqual(new AttrPath(span, [a]), new AttrPath(span, [a, b]));
    }

    [Fact]
    public void Parsing_bindings_of_one_name_allocates_no_array_per_path()
    {
        // 20,000 bindings 'aN = 1;': each is its binding, the name's text, an integer and its share
        // of the growing list of bindings (220 bytes); a name node was 32 more, an array around it 32
        // more again. (Bytes are asserted: the tree reads the same with or without those objects.)
        const int count = 20_000;
        var text = "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i} = 1; ")) + "}";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var tree = Parser.ParseSyntaxOnly(new SourceText(text, "t.nix"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(tree.Diagnostics);
        Assert.True(allocated < count * 236L, $"parsing allocated {allocated:N0} bytes, {allocated / count} per binding");
    }
}
