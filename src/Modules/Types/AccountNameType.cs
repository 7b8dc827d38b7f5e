using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>types.accountName</c> (ConfigLang extension): a string that is one user or group name (see
/// <see cref="AccountNameRule"/>). Used for every option whose value becomes an entry or a member
/// in the account files, and as the name type of <c>users.users</c> and <c>users.groups</c>.
/// </summary>
public sealed class AccountNameType : OptionType
{
    public static readonly AccountNameType Instance = new();

    private AccountNameType() { }

    public override string Name => "accountName";

    public override string Description => "user or group name (" + AccountNameRule.Allowed + ")";

    public override bool Check(Interpreter interpreter, Value value) =>
        value.Force() is StringValue s && AccountNameRule.Problem(s.Text) is null;

    public override string? Rejection(Interpreter interpreter, Value value) =>
        value.Force() is StringValue s ? AccountNameRule.Problem(s.Text) : null;

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        MergeFunctions.Equal(loc, definitions);
}
