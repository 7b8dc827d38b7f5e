using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;
using ConfigLang.Modules.Properties;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>attrListOf t</c> and <c>attrListWith { elemType; asAttrs; mergeAttrValues; }</c>: an ordered
/// list of one-attribute sets <c>[ { a = 1; } { b = 2; } ]</c>, each value a <c>t</c>.
/// A definition is such a list (an element may be wrapped in <c>mkOrder</c>) or a set whose
/// attributes each become an entry (a value may be wrapped in <c>mkOrder</c>). The entries of
/// all definitions are sorted by order priority (stably); per name only the entries of the best
/// override priority stay (an <c>mkForce</c> on one entry discards the others of that name, no
/// better than a plain definition counting as plain); each entry's value is merged on its own
/// at <c>loc.name</c>, and one left undefined (<c>mkIf false</c>) is dropped.
/// With <c>asAttrs</c> the value is a set, entries of one name combined by <c>mergeAttrValues</c>.
/// The ordered list stays in <c>valueMeta</c> (<c>attrListValue</c>, the entries'
/// <c>definitions</c> and their own valueMeta in <c>attrList</c>).
/// </summary>
public sealed class AttrListType(OptionType elementType, bool asAttrs, Value? mergeAttrValues) : OptionType
{
    public OptionType ElementType { get; } = elementType;

    public override bool UsesCombinedCheckAndMerge => true;

    public override bool ReportsHeadError => true;

    public override string Name => "attrListOf";

    public override string Description => "attribute list of " + Phrase(ElementType, "noun", "composite");

    public override string? DescriptionClass => "composite";

    public override bool Check(Interpreter interpreter, Value value) => value.Force() is ListValue or AttrSetValue;

    public override Value? EmptyValue => asAttrs ? AttrSetValue.Empty : ListValue.Empty;

    /// <summary>Two declarations never combine: nixpkgs disables merging this type.</summary>
    public override OptionType? TypeMerge(OptionType other) => null;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("elemType", ElementType)];

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) =>
        ElementType.GetSubOptions(interpreter, [.. prefix, "*"]);

    public override IReadOnlyList<Value>? SubModules => ElementType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) =>
        new AttrListType(ElementType.SubstSubModules(modules), asAttrs, mergeAttrValues);

    /// <summary>One entry: its name, the file that gave it, its order and override priority, its value merged.</summary>
    private sealed record Entry(string Key, string File, int Order, MergedDefinitions Merged);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var entries = Entries(interpreter, loc, definitions);
        var list = OrderedValue(entries);
        return asAttrs ? AsAttrs(interpreter, entries) : list;
    }

    public override Value ValueMeta(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var entries = new Lazy<List<Entry>>(() => Entries(interpreter, loc, definitions));
        return Nix.Attrs(
            ("attrList", Nix.Lazy(() => ListValue.Of([.. entries.Value.Select(e => Nix.Lazy(() => e.Merged.ValueMeta))]))),
            ("attrListValue", Nix.Lazy(() => OrderedValue(entries.Value))),
            ("definitions", Nix.Lazy(() => ListValue.Of([.. entries.Value.Select(e => (Value)Nix.Attrs(
                ("_type", Nix.Str(PropertyNames.Definition)),
                ("file", Nix.Str(e.File)),
                ("value", Properties.Properties.MakeOrder(Nix.Int(e.Order), Single(e)))))]))));
    }

    private static ListValue OrderedValue(List<Entry> entries) => ListValue.Of([.. entries.Select(e => (Value)Single(e))]);

    private static AttrSetValue Single(Entry entry) => Nix.Attrs((entry.Key, Nix.Lazy(() => entry.Merged.MergedValue)));

    /// <summary><c>zipAttrsWith mergeAttrValues</c> over the ordered entries; by default every value of a name in a list.</summary>
    private Value AsAttrs(Interpreter interpreter, List<Entry> entries)
    {
        var byKey = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byKey.TryGetValue(entry.Key, out var values)) byKey[entry.Key] = values = [];
            values.Add(Nix.Lazy(() => entry.Merged.MergedValue));
        }
        var builder = new AttrSetBuilder(byKey.Count);
        foreach (var (key, values) in byKey)
        {
            var list = ListValue.Of([.. values]);
            builder.Add(key, mergeAttrValues is null ? list : Nix.Lazy(() => Nix.Call(interpreter, mergeAttrValues, Nix.Str(key), list).Force()));
        }
        return builder.Build();
    }

    /// <summary>
    /// An entry before the override filter: its value with properties, and the order of its
    /// list element when that was wrapped in <c>mkOrder</c>.
    /// </summary>
    private sealed record RawEntry(string Key, Definition Definition, int? ElementOrder, int Override);

    private List<Entry> Entries(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var raw = new List<RawEntry>();
        foreach (var definition in definitions)
        {
            switch (definition.Value.Force())
            {
                case ListValue list:
                    foreach (var element in list.Items) raw.Add(FromElement(loc, definition, element));
                    break;
                case AttrSetValue attrs:
                    foreach (var name in attrs.Names.OrderBy(n => n.Name, StringComparer.Ordinal))
                    {
                        var value = attrs.Get(name)!;
                        raw.Add(new RawEntry(name.Name, At(definition, attrs, name, value), null, OverridePriority(value)));
                    }
                    break;
            }
        }

        // Per name the best override priority, never worse than a plain definition.
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in raw)
        {
            var previous = best.GetValueOrDefault(entry.Key, Priorities.Plain);
            if (entry.Override < previous) best[entry.Key] = entry.Override;
        }
        // Only the entries that stay are looked into further: the others may not even evaluate.
        var kept = new List<(RawEntry Entry, Value Value, int Order)>();
        foreach (var entry in raw)
        {
            if (entry.Override != best.GetValueOrDefault(entry.Key, Priorities.Plain)) continue;
            var (value, order) = Peel(entry.Definition.Value);
            kept.Add((entry, value, entry.ElementOrder ?? order));
        }
        var entries = new List<Entry>();
        // OrderBy is stable: entries of one order priority keep the order of their definitions.
        foreach (var (entry, value, order) in kept.OrderBy(k => k.Order))
        {
            var merged = new MergedDefinitions(interpreter, [.. loc, entry.Key], ElementType, [entry.Definition.WithValue(value)]);
            if (merged.IsDefined) entries.Add(new Entry(entry.Key, entry.Definition.File, order, merged));
        }
        return entries;
    }

    /// <summary>A list element: one attribute (the element maybe under <c>mkOrder</c>), else the error nixpkgs gives.</summary>
    private RawEntry FromElement(IReadOnlyList<string> loc, Definition definition, Value element)
    {
        var forced = element.Force();
        int? elementOrder = null;
        var item = forced;
        if (Properties.Properties.IsOrder(forced))
        {
            var ordered = Properties.Properties.StripOrder(definition.WithValue(forced));
            elementOrder = ordered.OrderPriority;
            item = ordered.Value.Force();
        }
        if (item is not AttrSetValue { Count: 1 } attrs)
        {
            var why = item is AttrSetValue many
                ? $"Each list element must be a single-key attribute set, but got {many.Count} keys"
                : $"Each list element must be an attribute set, but got {item.TypeOf()}";
            throw Nix.Throw(
                $"A definition for option `{OptionPath.Show(loc)}' is not of type `{Description}'. {why}.{DefinitionListing.Show([definition.WithValue(element)])}",
                ModuleDiagnostics.WrongType, definition.Position);
        }
        var name = attrs.Names[0];
        var value = attrs.Values[0];
        return new RawEntry(name.Name, At(definition, attrs, name, value), elementOrder, OverridePriority(value));
    }

    /// <summary>The entry as a definition of its own, pointing at its attribute when the set has positions.</summary>
    private static Definition At(Definition definition, AttrSetValue attrs, Symbol name, Value value) =>
        new(definition.File, value, attrs.PositionOf(name) ?? definition.Position);

    /// <summary>The override priority of a value under <c>mkOrder</c>s, without looking inside an <c>mkOverride</c>.</summary>
    private static int OverridePriority(Value value)
    {
        for (var depth = 0; depth < MaxNesting; depth++)
        {
            if (value.Force() is not AttrSetValue attrs || attrs.Get(Nix.TypeSym)?.Force() is not StringValue tag) break;
            if (tag.Text == PropertyNames.Override) return (int)Nix.ForceInt(Nix.Get(attrs, "priority")!);
            if (tag.Text != PropertyNames.Order) break;
            value = Nix.Get(attrs, "content")!;
        }
        return Priorities.Plain;
    }

    /// <summary>
    /// <c>mkOrder</c> and <c>mkOverride</c> around a value, in either nesting: the (innermost)
    /// order is taken off and returned; an override is kept around the value, for the entry's own
    /// merge to take off.
    /// </summary>
    private static (Value Value, int Order) Peel(Value value, int depth = 0)
    {
        if (depth < MaxNesting && value.Force() is AttrSetValue attrs && attrs.Get(Nix.TypeSym)?.Force() is StringValue tag)
        {
            if (tag.Text == PropertyNames.Order)
            {
                var (inner, _) = Peel(Nix.Get(attrs, "content")!, depth + 1);
                return (inner, (int)Nix.ForceInt(Nix.Get(attrs, "priority")!));
            }
            if (tag.Text == PropertyNames.Override)
            {
                var (inner, order) = Peel(Nix.Get(attrs, "content")!, depth + 1);
                return (Properties.Properties.MakeOverride(Nix.Get(attrs, "priority")!, inner), order);
            }
        }
        return (value, Priorities.OrderDefault);
    }

    /// <summary>How deep properties may nest around one value before the rest counts as the value.</summary>
    private const int MaxNesting = 64;
}
