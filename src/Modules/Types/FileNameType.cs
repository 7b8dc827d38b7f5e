using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>types.fileName</c> (ConfigLang extension): a string that is one visible file name (see
/// <see cref="FileNameRule"/>). Mostly a name type of <c>attrsWith { nameType = …; }</c>, so
/// attribute names that become directories are refused where they are written.
/// </summary>
public sealed class FileNameType : OptionType
{
    public static readonly FileNameType Instance = new();

    private FileNameType() { }

    public override string Name => "fileName";

    public override string Description => "file name (" + FileNameRule.Allowed + ")";

    public override bool Check(Interpreter interpreter, Value value) =>
        value.Force() is StringValue s && FileNameRule.Problem(s.Text) is null;

    public override string? Rejection(Interpreter interpreter, Value value) =>
        value.Force() is StringValue s ? FileNameRule.Problem(s.Text) : null;

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        MergeFunctions.Equal(loc, definitions);
}
