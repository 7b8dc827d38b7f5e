using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// A string that must satisfy a rule saying why a value is refused (ConfigLang extensions):
/// <c>types.fileName</c>, one visible file name (<see cref="FileNameRule"/>), mostly a name type
/// of <c>attrsWith { nameType = …; }</c> so that attribute names that become directories are
/// refused where they are written; and <c>types.accountName</c>, one user or group name
/// (<see cref="AccountNameRule"/>), for every option whose value becomes an entry or a member in
/// the account files and as the name type of <c>users.users</c> and <c>users.groups</c>.
/// </summary>
public sealed class RuleCheckedStringType : OptionType
{
    public static readonly RuleCheckedStringType FileName =
        new("fileName", "file name (" + FileNameRule.Allowed + ")", FileNameRule.Problem);

    public static readonly RuleCheckedStringType AccountName =
        new("accountName", "user or group name (" + AccountNameRule.Allowed + ")", AccountNameRule.Problem);

    private readonly Func<string, string?> _problem;

    private RuleCheckedStringType(string name, string description, Func<string, string?> problem)
    {
        Name = name;
        Description = description;
        _problem = problem;
    }

    public override string Name { get; }

    public override string Description { get; }

    public override bool Check(Interpreter interpreter, Value value) =>
        value.Force() is StringValue s && _problem(s.Text) is null;

    public override string? Rejection(Interpreter interpreter, Value value) =>
        value.Force() is StringValue s ? _problem(s.Text) : null;

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        MergeFunctions.Equal(loc, definitions);
}
