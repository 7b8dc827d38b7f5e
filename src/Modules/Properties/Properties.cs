using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Properties;

/// <summary>
/// Building and taking apart definition properties.
/// <list type="bullet">
/// <item><see cref="PushDown"/> moves <c>mkIf</c>/<c>mkOverride</c> from a set into each of its
/// attributes and flattens <c>mkMerge</c>: <c>mkIf c { a = 1; b = 2; }</c> becomes
/// <c>{ a = mkIf c 1; b = mkIf c 2; }</c>. The condition is not evaluated, which is what lets a
/// condition read <c>config</c> without infinite recursion.</item>
/// <item><see cref="Discharge"/> evaluates conditions at an option:
/// <c>mkMerge [ 1 (mkIf true 2) (mkIf false 3) ]</c> gives <c>[ 1 2 ]</c>.</item>
/// </list>
/// </summary>
public static class Properties
{
    private static readonly Symbol Condition = Symbol.Intern("condition");
    private static readonly Symbol Content = Symbol.Intern("content");
    private static readonly Symbol Contents = Symbol.Intern("contents");
    private static readonly Symbol Priority = Symbol.Intern("priority");

    public static AttrSetValue MakeIf(Value condition, Value content) =>
        Nix.Attrs(("_type", Nix.Str(PropertyNames.If)), ("condition", condition), ("content", content));

    public static AttrSetValue MakeMerge(Value contents) =>
        Nix.Attrs(("_type", Nix.Str(PropertyNames.Merge)), ("contents", contents));

    public static AttrSetValue MakeOverride(Value priority, Value content) =>
        Nix.Attrs(("_type", Nix.Str(PropertyNames.Override)), ("priority", priority), ("content", content));

    public static AttrSetValue MakeOrder(Value priority, Value content) =>
        Nix.Attrs(("_type", Nix.Str(PropertyNames.Order)), ("priority", priority), ("content", content));

    /// <summary>A config value as a list of property-free sets (see the type summary).</summary>
    public static List<Value> PushDown(Value config)
    {
        var result = new List<Value>();
        PushDown(config, result);
        return result;
    }

    private static void PushDown(Value config, List<Value> into)
    {
        var forced = config.Force();
        if (forced is not AttrSetValue attrs || attrs.Get(Nix.TypeSym) is not { } tagValue
            || tagValue.Force() is not StringValue tag)
        {
            into.Add(forced);
            return;
        }
        switch (tag.Text)
        {
            case PropertyNames.Merge:
                foreach (var item in Nix.ForceList(attrs.Get(Contents)!, "mkMerge expects a list").Items) PushDown(item, into);
                break;
            case PropertyNames.If:
                {
                    var condition = attrs.Get(Condition)!;
                    foreach (var inner in PushDown(attrs.Get(Content)!))
                        into.Add(MapAttributes(inner, v => MakeIf(condition, v)));
                    break;
                }
            case PropertyNames.Override:
                {
                    var priority = attrs.Get(Priority)!;
                    foreach (var inner in PushDown(attrs.Get(Content)!))
                        into.Add(MapAttributes(inner, v => MakeOverride(priority, v)));
                    break;
                }
            default:
                into.Add(forced);
                break;
        }
    }

    private static Value MapAttributes(Value value, Func<Value, Value> wrap)
    {
        if (value.Force() is not AttrSetValue attrs) return value;
        var values = new Value[attrs.Count];
        for (var i = 0; i < values.Length; i++) values[i] = wrap(attrs.Values[i]);
        return new AttrSetValue(attrs.Names, values, attrs.Positions);
    }

    /// <summary>Expands <c>mkMerge</c> and evaluates <c>mkIf</c> for one definition.</summary>
    public static void Discharge(Definition definition, List<Definition> into)
    {
        // An option default stands for mkOptionDefault VALUE: the wrapper has nothing to
        // discharge, and the value is not evaluated here.
        if (definition.PresetPriority is not null)
        {
            into.Add(definition);
            return;
        }
        var forced = definition.Value.Force();
        if (forced is AttrSetValue attrs && attrs.Get(Nix.TypeSym)?.Force() is StringValue tag)
        {
            switch (tag.Text)
            {
                case PropertyNames.Merge:
                    foreach (var item in Nix.ForceList(attrs.Get(Contents)!, "mkMerge expects a list").Items)
                        Discharge(definition.WithValue(item), into);
                    return;
                case PropertyNames.If:
                    var condition = attrs.Get(Condition)!.Force();
                    if (condition is not BoolValue b)
                        throw Nix.Throw("‘mkIf’ called with a non-Boolean condition", ModuleDiagnostics.BadProperty);
                    if (b.Value) Discharge(definition.WithValue(attrs.Get(Content)!), into);
                    return;
                case PropertyNames.Definition:
                    into.Add(Definition.FromValue(attrs));
                    return;
            }
        }
        into.Add(definition);
    }

    /// <summary>The override priority of a definition (100 when it has none).</summary>
    public static int OverridePriority(Value value) =>
        value.Force() is AttrSetValue attrs && attrs.Get(Nix.TypeSym)?.Force() is StringValue { Text: PropertyNames.Override }
            ? (int)Nix.ForceInt(attrs.Get(Priority)!)
            : Priorities.Plain;

    /// <summary>The content inside an override, or the value itself.</summary>
    public static Value StripOverride(Value value) =>
        value.Force() is AttrSetValue attrs && attrs.Get(Nix.TypeSym)?.Force() is StringValue { Text: PropertyNames.Override }
            ? attrs.Get(Content)!
            : value;

    /// <summary>Strips <c>mkOrder</c>, remembering its priority on the definition.</summary>
    public static Definition StripOrder(Definition definition) =>
        definition.Value.Force() is AttrSetValue attrs && attrs.Get(Nix.TypeSym)?.Force() is StringValue { Text: PropertyNames.Order }
            ? definition with { Value = attrs.Get(Content)!, OrderPriority = (int)Nix.ForceInt(attrs.Get(Priority)!), Ordered = true, PresetPriority = null }
            : definition;

    public static bool IsOrder(Value value) =>
        value.Force() is AttrSetValue attrs && attrs.Get(Nix.TypeSym)?.Force() is StringValue { Text: PropertyNames.Order };
}
