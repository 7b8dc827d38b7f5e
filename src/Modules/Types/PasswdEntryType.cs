using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>types.passwdEntry t</c>: <c>t</c> (as nixpkgs, an <c>addCheck</c>) whose strings hold no
/// <c>:</c> or newline, so the value stays one field of one line of <c>/etc/passwd</c>. A NUL is
/// refused too: no program can make one, but a host's builtin could, and no account file may hold one.
/// </summary>
public sealed class PasswdEntryType(OptionType inner) : OptionType
{
    public OptionType Inner { get; } = inner;

    public override string Name => "passwdEntry " + Inner.Name;

    public override string Description => Phrase(Inner, "noun") + ", not containing newlines or colons";

    public override string? DescriptionClass => "nonRestrictiveClause";

    public override bool Check(Interpreter interpreter, Value value) =>
        Inner.Check(interpreter, value) && Problem(value) is null;

    public override string? Rejection(Interpreter interpreter, Value value) => Problem(value);

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        Inner.Merge(interpreter, loc, definitions);

    public override Value? EmptyValue => Inner.EmptyValue;

    public override IReadOnlyList<(string Name, OptionType Type)> NestedTypes => Inner.NestedTypes;

    public override OptionType? TypeMerge(OptionType other) => null;

    /// <summary>Why a string cannot be one passwd field; null for a fine one and for values that are no string.</summary>
    private static string? Problem(Value value)
    {
        var text = value.Force() switch { StringValue s => s.Text, PathValue p => p.Path, _ => null };
        if (text is null) return null;
        if (text.Contains(':')) return "it contains `:`, which separates the fields of /etc/passwd";
        if (text.Contains('\n')) return "it contains a newline, which separates the entries of /etc/passwd";
        if (text.Contains('\0')) return "it contains a NUL character";
        return null;
    }
}
