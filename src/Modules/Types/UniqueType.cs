using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary><c>uniq t</c> and <c>unique { message; } t</c>: like <c>t</c>, but defined once only.</summary>
public sealed class UniqueType(OptionType elementType, string message) : OptionType
{
    public OptionType ElementType { get; } = elementType;

    public override string Name => "unique";

    public override string Description => ElementType.Description;

    public override string? DescriptionClass => ElementType.DescriptionClass;

    public override bool Check(Interpreter interpreter, Value value) => ElementType.Check(interpreter, value);

    public override Value? EmptyValue => ElementType.EmptyValue;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [("elemType", ElementType)];

    protected override OptionType Rebuild(IReadOnlyList<OptionType> nested) => new UniqueType(nested[0], message);

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) => ElementType.GetSubOptions(interpreter, prefix);

    public override IReadOnlyList<Value>? SubModules => ElementType.SubModules;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) => new UniqueType(ElementType.SubstSubModules(modules), message);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        if (definitions.Count != 1) throw MergeFunctions.NotUnique(loc, definitions, message);
        return ElementType.Merge(interpreter, loc, definitions);
    }
}
