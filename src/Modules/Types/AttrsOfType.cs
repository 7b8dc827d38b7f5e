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
        foreach (var (name, merged) in merges)
        {
            builder.Add(name, IsLazy
                ? Nix.Lazy(() => merged.IsDefined ? merged.MergedValue : ElementType.EmptyValue ?? merged.MergedValue)
                : Nix.Lazy(() => merged.MergedValue));
        }
        return builder.Build();
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
        var byName = new Dictionary<Symbol, List<Definition>>();
        var order = new List<Symbol>();
        for (var d = 0; d < definitions.Count; d++)
        {
            var definition = definitions[d];
            var attrs = Nix.ForceAttrs(definition.Value);
            for (var i = 0; i < attrs.Count; i++)
            {
                var name = attrs.Names[i];
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                    order.Add(name);
                }
                SourceLocation? position = attrs.Positions is { } p && p[i].Source is not null ? p[i] : definition.Position;
                list.Add(new Definition(definition.File, attrs.Values[i], position));
            }
        }

        var merges = new List<(Symbol, MergedDefinitions)>(order.Count);
        foreach (var name in order)
        {
            var merged = new MergedDefinitions(interpreter, [.. loc, name.Name], ElementType, byName[name]);
            // Only names that end up in the set are checked: `mkIf false` ones never become anything.
            if (IsLazy || merged.IsDefined)
            {
                CheckName(interpreter, loc, name.Name, byName[name]);
                merges.Add((name, merged));
            }
        }
        return merges;
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
