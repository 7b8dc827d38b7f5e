using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary>One name of an attribute path: known (<see cref="Static"/>) or computed.</summary>
internal readonly record struct AttrKey(Symbol? Static, Node? Dynamic, SourceLocation Location)
{
    public Symbol Resolve(Interpreter interpreter, Env env) => Static ?? ResolveDynamic(interpreter, env);

    private Symbol ResolveDynamic(Interpreter interpreter, Env env)
    {
        var value = Dynamic!.Eval(env);
        try
        {
            return interpreter.ForceSymbol(value, Dynamic.Location, "while evaluating an attribute name");
        }
        // Nix 2.8 reads a computed name without a position.
        catch (EvaluationException e) when (e.LocatedByNixAtIfRaisedAt(Dynamic.Location, null))
        {
            throw; // never reached: the filter declines
        }
    }

    /// <summary>The name as Nix 2.8 shows it in a failed selection's path: a computed one is computed again (Nix does
    /// too: a trace in it prints twice), and one that fails shows its expression as <c>nix-instantiate --parse</c>
    /// prints it, in <c>"${…}"</c>.</summary>
    public string Shown(Interpreter interpreter, Env env, string baseDirectory)
    {
        if (Static is { } name) return name.ToUnicode();
        try
        {
            return ResolveDynamic(interpreter, env).ToUnicode();
        }
        catch (EvaluationException)
        {
            var text = Dynamic!.Source.Substring(Dynamic.Span);
            var tree = Syntax.Parser.ParseSyntaxOnly(new SourceText(text, Dynamic.Source.Path));
            return $"\"${{{(tree.HasErrors ? text : Syntax.SyntaxPrinter.Print(tree, baseDirectory, AssertNode.MaxShownConditionLength))}}}\"";
        }
    }
}

/// <summary><c>e.a.b</c> or <c>e.a.b or default</c>.</summary>
internal sealed class SelectNode(SourceText source, TextSpan span, Node target, AttrKey[] path, Node? fallback, Interpreter interpreter, string baseDirectory) : Node(source, span)
{
    // Per name of the path, where it was found last time (see AttrSetValue.TryGet with a hint).
    private readonly int[] _hints = new int[path.Length];

    public override Value Eval(Env env)
    {
        var value = target.Eval(env);
        // The set and name found last: a failure after it is framed there, as Nix 2.8 frames a selection.
        AttrSetValue? foundIn = null;
        Symbol? foundName = null;
        var found = -1;
        var i = 0;
        try
        {
            for (; i < path.Length; i++)
            {
                var key = path[i];
                var name = key.Resolve(interpreter, env);
                if (value is not AttrSetValue attrs)
                {
                    if (fallback is not null) break;
                    throw EvaluationException.Type($"value is {value.Describe()} while a set was expected", Location);
                }
                if (!attrs.TryGet(name, ref _hints[i], out var next))
                {
                    if (fallback is not null) break;
                    throw MissingAttribute(attrs, name, key);
                }
                foundIn = attrs;
                foundName = name;
                found = i;
                value = next.Force();
            }
        }
        catch (EvaluationException e) when (foundIn is not null && !e.IsStackOverflow)
        {
            throw SelectionFrame(e, env, foundIn, foundName!, found, forcing: found == i);
        }
        // The default is evaluated outside the try, as a tail call: a recursion through `or` takes no native frame
        // per level. Nix 2.8 frames the default's errors at the attribute found last; that frame is not kept.
        return i < path.Length ? fallback!.Eval(env) : value;
    }

    /// <summary>Nix 2.8's one frame for a failing selection: "while evaluating the attribute 'a.b'" (the whole path
    /// as written) at the definition of the last attribute found; where that has no position, or is in
    /// derivation.nix, Nix has none. Lint's frame is its own: only for a failure while
    /// <paramref name="forcing"/> the attribute's value, named by that one name, at its definition or
    /// else at the name (lint reports the first user file of the trace, so Nix's frame must not move it).</summary>
    private EvaluationException SelectionFrame(EvaluationException e, Env env, AttrSetValue foundIn, Symbol foundName, int found, bool forcing)
    {
        var position = foundIn.PositionOf(foundName);
        if (forcing) e.AddFrameAbsentFromNix($"while evaluating the attribute '{foundName.ToUnicode()}'", position ?? path[found].Location);
        if (position is { } at && !at.Source.IsBuiltIntoNix)
            e.AddAttributeFrame($"while evaluating the attribute '{string.Join(".", path.Select(key => key.Shown(interpreter, env, baseDirectory)))}'", at, NixTraceFrame.OnlyInNix);
        return e;
    }

    /// <summary>Reported at the name (lint's); Nix 2.8 points at the start of the selection and suggests near names.</summary>
    private EvaluationException MissingAttribute(AttrSetValue attrs, Symbol name, AttrKey key) =>
        EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, $"attribute '{name.ToUnicode()}' missing", key.Location)
            .LocatedByNixAt(Location)
            .WithSuggestions(name, attrs.Names);

    /// <summary>
    /// Selecting from a set that is already evaluated needs no thunk: the attribute's own value
    /// (itself lazy) is handed out, as Nix shares it too. This is most of the selections a module
    /// body makes (<c>types.str</c>, <c>lib.mkOption</c>, <c>cfg.x</c>) once per submodule
    /// instance. Anything not evaluated yet, computed, or missing keeps the thunk, so laziness
    /// and errors stay as they were.
    /// </summary>
    public override Value Delay(Env env)
    {
        if (target is VarNode variable && variable.Peek(env) is AttrSetValue attrs)
        {
            Value? current = attrs;
            for (var i = 0; i < path.Length; i++)
            {
                if (path[i].Static is not { } name || current is not AttrSetValue set || !set.TryGet(name, ref _hints[i], out var next)) break;
                // A start-up global handed out would print as evaluated, where Nix shows this selection's thunk.
                if (i + 1 == path.Length) return next is StartupThunk ? base.Delay(env) : next;
                current = next is Thunk t ? t.Result : next;
            }
        }
        return base.Delay(env);
    }
}

/// <summary><c>e ? a.b</c></summary>
internal sealed class HasAttrNode(SourceText source, TextSpan span, Node target, AttrKey[] path, Interpreter interpreter) : Node(source, span)
{
    private readonly int[] _hints = new int[path.Length];

    public override Value Eval(Env env)
    {
        var value = target.Eval(env);
        for (var i = 0; i < path.Length; i++)
        {
            var name = path[i].Resolve(interpreter, env);
            if (value is not AttrSetValue attrs || !attrs.TryGet(name, ref _hints[i], out var next)) return BoolValue.False;
            if (i + 1 < path.Length) value = next.Force();
        }
        return BoolValue.True;
    }
}
