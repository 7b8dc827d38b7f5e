using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>listOf t</c> (and <c>nonEmptyListOf t</c>): the definitions' lists concatenated in order.
/// Each element is merged on its own as <c>loc."[definition N-entry M]"</c>, so elements may be
/// wrapped in <c>mkIf</c> and are checked against <c>t</c> only when used.
/// </summary>
public sealed class ListOfType(OptionType elementType, bool nonEmpty = false) : OptionType
{
    public OptionType ElementType { get; } = elementType;

    public override bool UsesCombinedCheckAndMerge => true;

    public override string Name => nonEmpty ? "nonEmptyListOf" : "listOf";

    public override string Description => nonEmpty
        ? "non-empty (list of " + Phrase(ElementType, "noun", "composite") + ")"
        : "list of " + Phrase(ElementType, "noun", "composite");

    public override string? DescriptionClass => "composite";

    public override bool Check(Interpreter interpreter, Value value) =>
        value.Force() is ListValue list && (!nonEmpty || list.Count > 0);

    public override Value? EmptyValue => nonEmpty ? null : ListValue.Empty;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("elemType", ElementType)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new ListOfType(nested[0], nonEmpty);

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) =>
        ElementType.GetSubOptions(interpreter, [.. prefix, "*"]);

    public override IReadOnlyList<Value>? SubModules => ElementType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) =>
        new ListOfType(ElementType.SubstSubModules(modules), nonEmpty);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        ListValue.Of([.. ElementMerges(interpreter, loc, definitions).Select(m => Nix.Lazy(() => m.MergedValue))]);

    /// <summary><c>{ list = [ each element's valueMeta ]; }</c>.</summary>
    public override Value ValueMeta(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        Nix.Attrs(("list", Nix.Lazy(() => ListValue.Of([.. ElementMerges(interpreter, loc, definitions).Select(m => Nix.Lazy(() => m.ValueMeta))]))));

    /// <summary>Each element merged on its own; those left undefined (<c>mkIf false</c>) dropped.</summary>
    private List<MergedDefinitions> ElementMerges(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var merges = new List<MergedDefinitions>();
        for (var n = 0; n < definitions.Count; n++)
        {
            var definition = definitions[n];
            var list = Nix.ForceList(definition.Value);
            for (var m = 0; m < list.Count; m++)
            {
                var elementLoc = new List<string>(loc) { $"[definition {n + 1}-entry {m + 1}]" };
                var merged = new MergedDefinitions(interpreter, elementLoc, ElementType, [definition.WithValue(list.Items[m])]);
                if (merged.IsDefined) merges.Add(merged);
            }
        }
        return merges;
    }
}
