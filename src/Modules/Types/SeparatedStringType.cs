using System.Text.Json;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary><c>separatedString sep</c> (and <c>lines</c>, <c>commas</c>, <c>envVar</c>): strings joined with the separator.</summary>
public sealed class SeparatedStringType(string separator) : OptionType
{
    public string Separator { get; } = separator;

    public override string Name => "separatedString";

    public override string Description =>
        "strings concatenated with " + JsonSerializer.Serialize(Separator, ModulesJsonContext.Default.String);

    public override bool Check(Interpreter interpreter, Value value) => value.Force() is StringValue;

    protected override object? Payload => Separator;

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        Nix.Str(string.Join(Separator, definitions.Select(d => Nix.ForceString(d.Value))));
}
