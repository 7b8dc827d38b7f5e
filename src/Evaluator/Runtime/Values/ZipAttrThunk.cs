using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>
/// One name of a <c>zipAttrsWith</c> result: <c>function name [ values ]</c>. Smaller than an
/// <see cref="Apply2Thunk"/> (the function and site are shared by the whole result) and holding a
/// single value without a list, so a <c>recursiveUpdate</c> fold, which keeps thousands of them
/// waiting and makes most of them for one value, keeps less memory alive; the list is made when forced.
/// </summary>
internal sealed class ZipAttrThunk : Thunk
{
    private SharedCall? _call;
    private Symbol? _name;
    // The value when the name is in one set, else the Value[] of its values in list order.
    private object? _values;

    public ZipAttrThunk(SharedCall call, Symbol name, object values)
    {
        _call = call;
        _name = name;
        _values = values;
    }

    public override SourceLocation? Location => _call?.Site;

    private protected override bool IsCallMadeByBuiltin => true;

    protected override Value Compute()
    {
        var call = _call!;
        // An exact type test: "is Value[]" asks the slower question of array covariance.
        var list = _values!.GetType() == typeof(Value[]) ? new ListValue(Unsafe.As<Value[]>(_values)) : new ListValue([Unsafe.As<Value>(_values)]);
        // Through Apply, whose parameters fit in registers: this frame is replaced by the call's.
        return call.Interpreter.Apply(call.Function, _name!.Value, list, call.Site.GetValueOrDefault());
    }

    protected override void Release()
    {
        _call = null;
        _name = null;
        _values = null;
    }
}
