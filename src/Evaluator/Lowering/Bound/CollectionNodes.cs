using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary><c>[ a b c ]</c>: each element delayed.</summary>
internal sealed class ListNode(SourceText source, TextSpan span, Node[] items) : Node(source, span)
{
    public override Value Eval(Env env)
    {
        if (items.Length == 0) return ListValue.Empty;
        var values = new Value[items.Length];
        for (var i = 0; i < items.Length; i++) ValueArray.Set(values, i, items[i].Delay(env));
        return new ListValue(values);
    }
}

/// <summary>An attribute whose name is computed: <c>${e} = v;</c>.</summary>
internal sealed record DynamicAttr(Node Name, Node Value, SourceLocation Location);

/// <summary>
/// An attribute set literal. Static names are sorted at lowering, so a set without dynamic
/// names is built without sorting. For <c>rec</c> sets (and <c>let</c>) the static attributes
/// are also the slots of a new frame, in the same order; inherited attributes are evaluated in
/// the enclosing frame.
/// </summary>
internal sealed class AttrsNode(SourceText source, TextSpan span, bool recursive, int openBrace, Symbol[] names, Node[] values,
    bool[] inheritedFromOuter, SourceLocation[] positions, DynamicAttr[] dynamicAttrs, Interpreter interpreter) : Node(source, span)
{
    private readonly int _overridesIndex = Array.FindIndex(names, n => n.Name == "__overrides");

    /// <summary>The positions of a set of one dynamic attribute, the same for every set made here
    /// (position arrays are never changed, as the static ones shared by every instance).</summary>
    private readonly SourceLocation[]? _lonePosition = names.Length == 0 && dynamicAttrs.Length == 1 ? [dynamicAttrs[0].Location] : null;

    public bool Recursive { get; } = recursive;

    /// <summary>The sources of its <c>inherit (e) a b;</c> clauses, if it has any.</summary>
    public InheritedSources? Inherits { get; init; }

    /// <summary>The <c>{</c> of the literal (after <c>rec</c>), where Nix 2.8 places the set; null for a set a dotted
    /// path made (<c>a.b = 1;</c>), which Nix places nowhere, and for a legacy <c>let</c>'s.</summary>
    internal SourceLocation? OpeningBrace => openBrace < 0 ? null : new SourceLocation(Source, new TextSpan(openBrace, 1));

    public override Value Eval(Env env)
    {
        var slots = names.Length == 0 ? [] : new Value[names.Length];
        var inner = env;
        if (Recursive)
        {
            inner = Env.OverArray(slots, env);
        }
        var hasOverrides = Recursive && _overridesIndex >= 0;
        var frames = Inherits?.Frames(inner);
        for (var i = 0; i < values.Length; i++)
        {
            // With __overrides, the frame must be read when forced, after the overrides replaced slots
            // (no variable's thunk taken, no arithmetic on a variable done at once).
            var scope = frames is not null ? InheritedSources.FrameOf(frames, Inherits!, i, inheritedFromOuter[i] ? env : inner)
                : inheritedFromOuter[i] ? env : inner;
            ValueArray.Set(slots, i, hasOverrides && !inheritedFromOuter[i] && values[i] is not (ConstNode or LambdaNode)
                ? new ExprThunk(values[i], scope)
                : values[i].Delay(scope));
        }
        var overrides = Recursive && _overridesIndex >= 0 ? ForceOverrides(slots[_overridesIndex]) : null;
        if (dynamicAttrs.Length == 0 && overrides is null)
        {
            return slots.Length == 0 ? AttrSetValue.Empty : new AttrSetValue(names, slots, positions);
        }

        if (_lonePosition is not null && overrides is null)
        {
            // `certs.${name} = …;`, the commonest dynamic set: its one attribute without a builder.
            var only = dynamicAttrs[0];
            return DynamicName(only, inner) is { } onlyName
                ? new AttrSetValue([onlyName], [only.Value.Delay(inner)], _lonePosition)
                : AttrSetValue.Empty;
        }

        var builder = new AttrSetBuilder(names.Length + dynamicAttrs.Length);
        if (overrides is not null)
        {
            // Nix's __overrides: its attributes replace those of the rec set, for the set and for
            // the other attributes' bodies alike (the frame slots are the set's values).
            for (var k = 0; k < overrides.Count; k++)
            {
                var index = Array.IndexOf(names, overrides.Names[k]);
                if (index >= 0) slots[index] = overrides.Values[k];
            }
        }
        for (var i = 0; i < names.Length; i++) builder.Add(names[i], slots[i], positions[i]);
        if (overrides is not null)
        {
            for (var k = 0; k < overrides.Count; k++)
            {
                if (Array.IndexOf(names, overrides.Names[k]) < 0) builder.Add(overrides.Names[k], overrides.Values[k]);
            }
        }
        foreach (var dynamic in dynamicAttrs)
        {
            if (DynamicName(dynamic, inner) is not { } name) continue;
            if (builder.Contains(name))
            {
                // As Nix words it: the message names the first definition, the error points at this one.
                var first = builder.PositionOf(name) ?? dynamic.Location;
                throw EvaluationException.Create(SyntaxDiagnostics.DuplicateAttributeCode,
                    $"dynamic attribute '{name.ToUnicode()}' already defined at {first}", dynamic.Location);
            }
            builder.Add(name, dynamic.Value.Delay(inner), dynamic.Location);
        }
        return builder.Build();
    }

    /// <summary>The name of a dynamic attribute, or null when it is <c>null</c> (the attribute is left out).</summary>
    private Symbol? DynamicName(DynamicAttr dynamic, Env scope)
    {
        var nameValue = dynamic.Name.Eval(scope);
        if (nameValue is NullValue) return null;
        return interpreter.ForceSymbol(nameValue, dynamic.Name.Location, "while evaluating the name of a dynamic attribute");
    }

    /// <summary>The <c>__overrides</c> set; Nix 2.8 forces it without a position (lint keeps the set's).</summary>
    private AttrSetValue ForceOverrides(Value overrides)
    {
        try
        {
            return interpreter.ForceAttrs(overrides, Location);
        }
        catch (EvaluationException e) when (e.LocatedByNixAtIfRaisedAt(Location, null))
        {
            throw; // never reached: the filter declines
        }
    }
}

/// <summary><c>let bindings in body</c>: a recursive frame, then the body in it. The frame is its own,
/// or, when the <c>let</c> is the body of a function, <c>let</c> or <c>with</c>, that one's (see
/// <see cref="LetFrame"/>).</summary>
internal sealed class LetNode(SourceText source, TextSpan span, Node[] values, bool[] inheritedFromOuter, Node body, LetFrame frame) : Node(source, span)
{
    /// <summary>The sources of its <c>inherit (e) a b;</c> clauses, if it has any.</summary>
    public InheritedSources? Inherits { get; init; }

    // Per binding, the slot's stand-in when its thunk is made on first read (see DeferredBinding), else null.
    private DeferredBinding?[]? _deferred;

    public override Value Eval(Env env)
    {
        // Inherited names are read in the scope around the let: when the frame is shared, that is
        // the same frame (they were resolved before the let's names took their slots).
        var inner = frame.OwnFrameSize < 0 ? env : Env.Create(frame.OwnFrameSize, env);
        var frames = Inherits?.Frames(inner);
        var deferred = _deferred ??= Deferred(values, inheritedFromOuter, Inherits);
        var first = frame.FirstSlot;
        for (var i = 0; i < values.Length; i++)
        {
            if (deferred[i] is { } stand) { inner.Slot(first + i) = stand; continue; }
            var scope = inheritedFromOuter[i] ? env : inner;
            inner.Slot(first + i) = values[i].Delay(frames is not null ? InheritedSources.FrameOf(frames, Inherits!, i, scope) : scope);
        }
        return body.Eval(inner);
    }

    /// <summary>
    /// The bindings whose thunk may be made on first read: evaluated in the let's own frame (not
    /// inherited), and delayed the same way whenever that is. A constant, function or variable makes
    /// no thunk anyway; a selection is left as it is, since it hands out an attribute's own value when
    /// the set is evaluated already, which would depend on when it is made. An arithmetic operation
    /// made later may be a thunk computed at once instead of one computing later: the same value, and
    /// both read as not evaluated.
    /// </summary>
    private static DeferredBinding?[] Deferred(Node[] values, bool[] inheritedFromOuter, InheritedSources? inherits)
    {
        var deferred = new DeferredBinding?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            // An `inherit (e) a;` entry is read in its clause's frame, never in the let's own: kept out
            // by its group, whatever node the binder makes for it (today a selection, skipped below too).
            if (inheritedFromOuter[i] || inherits is { Groups: var groups } && groups[i] >= 0) continue;
            if (values[i] is ConstNode or LambdaNode or VarNode or SelectNode) continue;
            deferred[i] = new DeferredBinding(values[i]);
        }
        return deferred;
    }
}

/// <summary>
/// The sources of the <c>inherit (e) a b;</c> clauses of a set or <c>let</c>: each is delayed once
/// per instantiation into a one-slot frame, in which the clause's names are selected
/// (<see cref="Groups"/> maps each attribute to its clause, -1 for the others).
/// </summary>
internal sealed record InheritedSources(Node[] Sources, int[] Groups)
{
    public Env[] Frames(Env scope)
    {
        var frames = new Env[Sources.Length];
        for (var g = 0; g < frames.Length; g++) frames[g] = Env.Single(Sources[g].Delay(scope), scope);
        return frames;
    }

    /// <summary>Where attribute <paramref name="index"/> is evaluated: its clause's frame, or <paramref name="otherwise"/>.</summary>
    public static Env FrameOf(Env[] frames, InheritedSources sources, int index, Env otherwise) =>
        sources.Groups[index] is var group and >= 0 ? frames[group] : otherwise;
}

/// <summary><c>with scope; body</c>: a frame holding the (lazy) scope set in slot 0, and the slots of
/// a <c>let</c> that is its body (<paramref name="frameSize"/> counts both).</summary>
internal sealed class WithNode(SourceText source, TextSpan span, Node scope, Node body, int frameSize) : Node(source, span)
{
    public override Value Eval(Env env)
    {
        var frame = Env.Create(frameSize, env);
        frame.Slot(0) = scope.Delay(env);
        return body.Eval(frame);
    }
}
