namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// One frame of variables: the slots a <c>let</c>, <c>rec</c> set, function or <c>with</c>
/// introduces, resolved to indices before evaluation, and the enclosing frame.
/// </summary>
public sealed class Environment(Values.Value[] slots, Environment? parent)
{
    public readonly Values.Value[] Slots = slots;
    public readonly Environment? Parent = parent;

    public Environment Up(int levels)
    {
        var env = this;
        for (var i = 0; i < levels; i++) env = env.Parent!;
        return env;
    }
}
