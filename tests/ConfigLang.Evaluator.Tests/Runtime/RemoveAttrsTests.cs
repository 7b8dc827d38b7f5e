using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <c>removeAttrs</c> and <see cref="AttrSetValue.Without(Symbol)"/>, which the module system uses
/// for <c>_module</c>: the other attributes keep their order and positions, one name or many
/// (expected texts from nix-instantiate --eval --strict).
/// </summary>
public sealed class RemoveAttrsTests
{
    [Fact]
    public void One_name_or_many_leave_the_others_in_order_with_their_positions()
    {
        Assert.Equal("[ { a = 1; c = 3; } { a = 1; b = 2; c = 3; } { b = 2; } { } 3 2 ]", Evaluate.Value("""
            let x = { a = 1; b = 2;
              c = 3; }; in [ (removeAttrs x [ "b" ]) (removeAttrs x [ "z" ]) (removeAttrs x [ "a" "c" "z" ]) (removeAttrs x [ "a" "b" "c" ])
              (builtins.unsafeGetAttrPos "c" (removeAttrs x [ "b" ])).column (builtins.unsafeGetAttrPos "c" (removeAttrs x [ "a" "b" ])).line ]
            """));
    }

    [Theory]
    [InlineData("removeAttrs { a = 1; } [ 1 ]")]
    [InlineData("removeAttrs { a = 1; } [ \"a\" 1 ]")]
    public void Every_name_must_be_a_string_whether_one_or_many(string expression) =>
        Assert.StartsWith("error: value is an integer while a string was expected", Evaluate.Error(expression));

    [Fact]
    public void Without_one_name_keeps_the_set_when_the_name_is_absent_and_copies_around_it_otherwise()
    {
        var (a, b, c) = (Symbol.Intern("a"), Symbol.Intern("b"), Symbol.Intern("c"));
        var source = new SourceText("{ a = 1; b = 2; c = 3; }", "set.nix");
        SourceLocation At(int offset) => new(source, new TextSpan(offset, 1));
        var set = new AttrSetValue([a, b, c], [IntValue.Of(1), IntValue.Of(2), IntValue.Of(3)], [At(2), At(9), At(16)]);

        Assert.Same(set, set.Without(Symbol.Intern("z")));
        var withoutB = set.Without(b);
        Assert.Equal([a, c], withoutB.Names);
        Assert.Equal([At(2), At(16)], withoutB.Positions!);
        Assert.Equal(3, ((IntValue)withoutB.Get(c)!).Value);
        Assert.Same(AttrSetValue.Empty, new AttrSetValue([a], [IntValue.Of(1)], null).Without(a));
        Assert.Null(new AttrSetValue([a, b], [IntValue.Of(1), IntValue.Of(2)], null).Without(a).Positions);
    }
}
