using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>attrsOf t</c>, <c>lazyAttrsOf t</c> and <c>attrsWith { elemType; lazy; placeholder; }</c>:
/// the definitions' sets merged attribute by attribute, each attribute's definitions merged with
/// <c>t</c> at <c>loc.name</c>. The strict form leaves out attributes whose definitions are all
/// <c>mkIf false</c> (so it evaluates the conditions to know its names); the lazy form keeps
/// every name and evaluates nothing until an attribute is read.
/// <para>With a name type (<c>attrsWith { nameType = types.fileName; }</c>, a ConfigLang
/// extension) every attribute name must pass it: a name that does not is an error at the
/// attribute that defines it, before any value is merged.</para>
/// <para>The grouping is one pass over all definitions (a dictionary by name), so N hosts or
/// certificates cost O(N), never O(N²).</para>
/// </summary>
public sealed class AttrsOfType(OptionType elementType, bool lazy, string? placeholder = null, OptionType? nameType = null) : OptionType
{
    public OptionType ElementType { get; } = elementType;

    public bool IsLazy { get; } = lazy;

    /// <summary>The name shown for attributes in documentation (<c>&lt;name&gt;</c>); null when not chosen.</summary>
    public string? Placeholder { get; } = placeholder;

    /// <summary>The type every attribute name must have; null when any name will do.</summary>
    public OptionType? NameType { get; } = nameType;

    public override bool UsesCombinedCheckAndMerge => true;

    public override string Name => IsLazy ? "lazyAttrsOf" : "attrsOf";

    public override string Description =>
        (IsLazy ? "lazy attribute set of " : "attribute set of ") + Phrase(ElementType, "noun", "composite");

    public override string? DescriptionClass => "composite";

    public override bool Check(Interpreter interpreter, Value value) => value.Force() is AttrSetValue;

    public override Value? EmptyValue => AttrSetValue.Empty;

    public override OptionType? TypeMerge(OptionType other)
    {
        if (other is not AttrsOfType o || o.IsLazy != IsLazy) return null;
        if (Placeholder is not null && o.Placeholder is not null && Placeholder != o.Placeholder) return null;
        if (!ReferenceEquals(NameType, o.NameType)) return null;
        var element = ElementType.TypeMerge(o.ElementType);
        return element is null ? null : new AttrsOfType(element, IsLazy, Placeholder ?? o.Placeholder, NameType);
    }

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("elemType", ElementType)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new AttrsOfType(nested[0], IsLazy, Placeholder, NameType);

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) =>
        ElementType.GetSubOptions(interpreter, [.. prefix, "<" + (Placeholder ?? "name") + ">"]);

    public override IReadOnlyList<Value>? SubModules => ElementType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) =>
        new AttrsOfType(ElementType.SubstSubModules(modules), IsLazy, Placeholder, NameType);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var merges = AttributeMerges(interpreter, loc, definitions);
        var builder = new AttrSetBuilder(merges.Count);
        foreach (var (name, merged) in merges) builder.Add(name, new AttributeThunk(this, merged));
        return builder.Build();
    }

    /// <summary>One attribute's merged value as one object (not a thunk, a delegate and a closure):
    /// there is one per certificate or host, and one per module argument of each.</summary>
    private sealed class AttributeThunk(AttrsOfType type, MergedDefinitions merged) : Thunk
    {
        private MergedDefinitions? _merged = merged;

        protected override Value Compute()
        {
            var merged = _merged!;
            return type.IsLazy && !merged.IsDefined ? type.ElementType.EmptyValue ?? merged.MergedValue : merged.MergedValue;
        }

        protected override void Release() => _merged = null;
    }

    /// <summary><c>{ attrs = { NAME = that attribute's valueMeta; }; }</c>.</summary>
    public override Value ValueMeta(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        Nix.Attrs(("attrs", Nix.Lazy(() =>
        {
            var merges = AttributeMerges(interpreter, loc, definitions);
            var builder = new AttrSetBuilder(merges.Count);
            foreach (var (name, merged) in merges) builder.Add(name, Nix.Lazy(() => merged.ValueMeta));
            return builder.Build();
        })));

    /// <summary>
    /// Each attribute's definitions merged at <c>loc.name</c>, in the order names first appear:
    /// every name for the lazy form, only those that end up defined for the strict one.
    /// </summary>
    private List<(Symbol Name, MergedDefinitions Merged)> AttributeMerges(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        // Names in the order they first appear, each with its definitions. A few names (the module
        // arguments of every submodule instance) are found by a scan; many by a dictionary.
        var order = new List<(Symbol Name, List<Definition> Definitions)>();
        Dictionary<Symbol, int>? indexByName = null;
        for (var d = 0; d < definitions.Count; d++)
        {
            var definition = definitions[d];
            var attrs = Nix.ForceAttrs(definition.Value);
            if (indexByName is null && order.Count + attrs.Count > SmallNameCount)
            {
                indexByName = new Dictionary<Symbol, int>(order.Count + attrs.Count);
                for (var k = 0; k < order.Count; k++) indexByName[order[k].Name] = k;
            }
            for (var i = 0; i < attrs.Count; i++)
            {
                var name = attrs.Names[i];
                var index = IndexOf(order, indexByName, name);
                if (index < 0)
                {
                    index = order.Count;
                    order.Add((name, []));
                    indexByName?.Add(name, index);
                }
                SourceLocation? position = attrs.Positions is { } p && p[i].Source is not null ? p[i] : definition.Position;
                order[index].Definitions.Add(new Definition(definition.File, attrs.Values[i], position));
            }
        }

        var merges = new List<(Symbol, MergedDefinitions)>(order.Count);
        foreach (var (name, byName) in order)
        {
            var merged = new MergedDefinitions(interpreter, OptionPath.Append(loc, name.Name), ElementType, byName);
            // Only names that end up in the set are checked: `mkIf false` ones never become anything.
            if (IsLazy || merged.IsDefined)
            {
                CheckName(interpreter, loc, name.Name, byName);
                merges.Add((name, merged));
            }
        }
        return merges;
    }

    /// <summary>Up to this many names are grouped without a dictionary.</summary>
    private const int SmallNameCount = 8;

    private static int IndexOf(List<(Symbol Name, List<Definition> Definitions)> order, Dictionary<Symbol, int>? indexByName, Symbol name)
    {
        if (indexByName is not null) return indexByName.TryGetValue(name, out var found) ? found : -1;
        for (var k = 0; k < order.Count; k++)
        {
            if (ReferenceEquals(order[k].Name, name)) return k;
        }
        return -1;
    }

    /// <summary>Refuses a name <see cref="NameType"/> does not accept, pointing at the user's own definition of it when there is one.</summary>
    private void CheckName(Interpreter interpreter, IReadOnlyList<string> loc, string name, List<Definition> definitions)
    {
        if (NameType is null) return;
        var value = Nix.Str(name);
        if (NameType.Check(interpreter, value)) return;
        var why = NameType.Rejection(interpreter, value) is { } reason ? $": {reason}" : "";
        var at = definitions.FirstOrDefault(d => d.Position is { Source: { } source } && !LibraryFiles.Contains(source.Path)) ?? definitions[0];
        throw Nix.Throw(
            $"The name {OptionPath.ShowString(name)} in `{OptionPath.Show(loc)}' is not a {NameType.Description}{why}.",
            ModuleDiagnostics.InvalidAttributeName, at.Position);
    }
}
