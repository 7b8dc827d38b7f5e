using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
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
/// <para>The grouping is one pass over all definitions (a dictionary by name), so N hosts or
/// certificates cost O(N), never O(N²).</para>
/// </summary>
public sealed class AttrsOfType(OptionType elementType, bool lazy, string? placeholder = null) : OptionType
{
    public OptionType ElementType { get; } = elementType;

    public bool IsLazy { get; } = lazy;

    /// <summary>The name shown for attributes in documentation (<c>&lt;name&gt;</c>); null when not chosen.</summary>
    public string? Placeholder { get; } = placeholder;

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
        var element = ElementType.TypeMerge(o.ElementType);
        return element is null ? null : new AttrsOfType(element, IsLazy, Placeholder ?? o.Placeholder);
    }

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("elemType", ElementType)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new AttrsOfType(nested[0], IsLazy, Placeholder);

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) =>
        ElementType.GetSubOptions(interpreter, [.. prefix, "<" + (Placeholder ?? "name") + ">"]);

    public override IReadOnlyList<Value>? SubModules => ElementType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) =>
        new AttrsOfType(ElementType.SubstSubModules(modules), IsLazy, Placeholder);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
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

        var builder = new AttrSetBuilder(order.Count);
        foreach (var name in order)
        {
            var merged = new MergedDefinitions(interpreter, [.. loc, name.Name], ElementType, byName[name]);
            if (IsLazy)
            {
                builder.Add(name, Nix.Lazy(() => merged.IsDefined ? merged.MergedValue : ElementType.EmptyValue ?? merged.MergedValue));
            }
            else if (merged.IsDefined)
            {
                builder.Add(name, Nix.Lazy(() => merged.MergedValue));
            }
        }
        return builder.Build();
    }
}
