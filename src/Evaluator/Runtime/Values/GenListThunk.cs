using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>Element <c>index</c> of <c>genList f n</c>: <c>f index</c>. Half the size of an
/// <see cref="ApplyThunk"/>; a long genList keeps one per element until it is forced.</summary>
internal sealed class GenListThunk(SharedCall call, int index) : Thunk
{
    private SharedCall? _call = call;

    public override SourceLocation? Location => _call?.Site;

    private protected override bool IsCallMadeByBuiltin => true;

    // Through Apply (see ZipAttrThunk): the call's frame replaces this one.
    protected override Value Compute() => _call!.Interpreter.Apply(_call.Function, IntValue.Of(index), _call.Site.GetValueOrDefault());

    protected override void Release() => _call = null;
}
