using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// A value computed on first use, like a thunk: reaching it again while it is being computed is
/// <c>infinite recursion encountered</c> (a module whose <c>imports</c> read <c>config</c>, say),
/// not an endless native recursion.
/// </summary>
public sealed class Once<T>(Func<T> compute) where T : class
{
    private Func<T>? _compute = compute;
    private T? _value;
    private bool _running;

    public T Value
    {
        get
        {
            if (_value is not null) return _value;
            if (_running) throw EvaluationException.InfiniteRecursion(null);
            _running = true;
            try
            {
                _value = _compute!();
                _compute = null;
                return _value;
            }
            finally
            {
                _running = false;
            }
        }
    }
}
