using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

public sealed class DiagnosticBagTests
{
    private static readonly SourceText Source = new("let a = x; b = y; in z", "t.nix");

    private static Diagnostic At(int offset, string message) => Diagnostic.Error("CL0015", message, new SourceLocation(Source, new TextSpan(offset, 1)));

    [Fact]
    public void A_bag_for_evaluation_keeps_only_the_error_first_in_the_source()
    {
        // Evaluation reports one error; the resolver walks a set's names before its values, so
        // the first error found need not be the first in the file.
        var bag = DiagnosticBag.KeepingEarliestErrorOnly();
        bag.Add(At(21, "z"));
        bag.Add(Diagnostic.Warning("CL3002", "a warning", new SourceLocation(Source, new TextSpan(0, 1))));
        bag.Add(At(8, "x"));
        bag.Add(At(15, "y"));
        bag.Add(At(8, "x again"));

        Assert.Equal("x", Assert.Single(bag.Items).Message);
    }

    [Fact]
    public void A_plain_bag_keeps_everything_in_the_order_added()
    {
        var bag = new DiagnosticBag();
        bag.Add(At(21, "z"));
        bag.Add(At(8, "x"));

        Assert.Equal(["z", "x"], bag.Items.Select(d => d.Message));
    }
}
