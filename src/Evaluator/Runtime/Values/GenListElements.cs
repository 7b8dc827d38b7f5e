using ConfigLang.Evaluator.Lowering.Bound;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// The elements of <c>genList f n</c>, made one by one. When <c>f</c> is a function whose body's
/// value is known without evaluating anything (<c>x: x</c>, <c>i: i * 2</c>, see
/// Node.ValueWithoutEvaluation), the element is computed now: no call, no frame and no thunk
/// holding the function. It still reads as unevaluated until forced (a <see cref="ComputedThunk"/>),
/// as Nix's <c>[ &lt;CODE&gt; … ]</c> shows. Anything else gets a <see cref="GenListThunk"/>.
/// </summary>
internal sealed class GenListElements
{
    private readonly Interpreter _interpreter;
    private readonly Value _function;
    private readonly SourceLocation? _site;
    private SharedCall? _call;
    private LambdaNode? _code;
    // One frame for every element computed now: ValueWithoutEvaluation only reads it, and nothing it
    // returns holds it, so the next element may overwrite the argument.
    private readonly Environment? _frame;

    public GenListElements(Interpreter interpreter, Value function, SourceLocation? site)
    {
        _interpreter = interpreter;
        _function = function;
        _site = site;
        // The function is not forced (genList does not force it); one already evaluated may be looked into.
        var known = function.ValueIfEvaluated;
        if (known is LambdaValue { Code: { Formals: null, CopiedSlots: 0 } code } lambda)
        {
            _code = code;
            _frame = Environment.Create(code.FrameSize, lambda.Environment);
        }
    }

    /// <summary>Element <paramref name="index"/>: <c>f index</c>, computed now or a thunk.</summary>
    public Value At(int index)
    {
        if (_code is { } code)
        {
            _frame!.Slot(code.ArgSlot) = IntValue.Of(index);
            if (code.Body.ValueWithoutEvaluation(_frame) is { } value) return new ComputedThunk(value);
            // A body that is not known for one index is usually not known for any (a call, a set):
            // stop trying rather than look at it again per element.
            _code = null;
        }
        return new GenListThunk(_call ??= new SharedCall(_interpreter, _function, _site), index);
    }
}
