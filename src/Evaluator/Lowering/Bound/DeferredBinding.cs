using ConfigLang.Evaluator.Runtime.Values;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary>
/// What a <c>let</c> puts in the slot of a binding whose thunk it does not make yet: the thunk is made
/// when a variable first reads the slot (see VarNode), in the frame the slot is in, and replaces this.
/// A binding nothing reads never gets one: recursiveUpdate's <c>let here = attrPath ++ [ n ];</c> is
/// read only where two sets both have a name, and a million of them were made and kept for nothing.
/// Only for bindings whose thunk is the same whenever it is made (see <see cref="LetNode"/>): making it
/// later evaluates nothing, so laziness, errors and infinite-recursion detection are as before.
/// One per binding of the program, shared by every frame; it is never a value anything else sees.
/// </summary>
internal sealed class DeferredBinding(Node value) : Value
{
    public override ValueKind Kind => ValueKind.Thunk;

    /// <summary>Reads as a value not evaluated yet (see VarNode.Peek).</summary>
    internal override Value? ValueIfEvaluated => null;

    public override Value Force() =>
        throw new InvalidOperationException("a deferred let binding was read without its frame");

    /// <summary>The binding's thunk in <paramref name="frame"/>, the frame holding it in slot <paramref name="index"/>, which it now fills.</summary>
    public Value Instantiate(Env frame, int index) => frame.Slot(index) = value.Delay(frame);
}
