using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// A value computed on first use, like a thunk: reaching it again while it is being computed is
/// <c>infinite recursion encountered</c> (a module whose <c>imports</c> read <c>config</c>, say),
/// not an endless native recursion. A struct kept in a field of its owner and computed by a
/// static function of the owner, so a lazy member costs no delegate or box per instance (the
/// module system has one per option of every submodule instance).
/// </summary>
public struct OnceField<T> where T : class
{
    private T? _value;
    private bool _running;

    public readonly bool HasValue => _value is not null;

    /// <summary>The value, computing it with <paramref name="compute"/> (pass a static lambda) the first time.</summary>
    public T Get<TOwner>(TOwner owner, Func<TOwner, T> compute)
    {
        if (_value is not null) return _value;
        if (_running) throw EvaluationException.InfiniteRecursion(null);
        _running = true;
        try
        {
            return _value = compute(owner);
        }
        finally
        {
            _running = false;
        }
    }
}
