using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary>What every name of one <c>zipAttrsWith</c> result applies: the function, where it was called.</summary>
internal sealed class ZipAttrsCall(Interpreter interpreter, Value function, SourceLocation? site)
{
    public Interpreter Interpreter { get; } = interpreter;

    public Value Function { get; } = function;

    public SourceLocation? Site { get; } = site;
}

/// <summary>
/// One name of a <c>zipAttrsWith</c> result: <c>function name [ values ]</c>. Smaller than an
/// <see cref="Apply2Thunk"/> (the function and site are shared by the whole result) and holding a
/// single value without a list, so a <c>recursiveUpdate</c> fold, which keeps thousands of them
/// waiting and makes most of them for one value, keeps less memory alive; the list is made when forced.
/// </summary>
internal sealed class ZipAttrThunk : Thunk
{
    private ZipAttrsCall? _call;
    private Symbol? _name;
    // The value when the name is in one set, else the Value[] of its values in list order.
    private object? _values;

    public ZipAttrThunk(ZipAttrsCall call, Symbol name, object values)
    {
        _call = call;
        _name = name;
        _values = values;
    }

    public override SourceLocation? Location => _call?.Site;

    protected override Value Compute()
    {
        var call = _call!;
        var list = _values is Value[] several ? ListValue.Of(several) : new ListValue([(Value)_values!]);
        return call.Interpreter.Call(call.Function, _name!.Value, list, call.Site);
    }

    protected override void Release()
    {
        _call = null;
        _name = null;
        _values = null;
    }
}
