using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Options;

/// <summary>
/// One definition of an option: the value a module gave (maybe still wrapped in properties such
/// as <c>mkIf</c> or <c>mkForce</c>), the file that gave it, and, where known, the exact span of
/// the attribute (so errors and <c>show --explain</c> can say "defined in hosts/web.nix:12:5").
/// <see cref="OrderPriority"/> is set once <c>mkOrder</c> has been stripped.
/// </summary>
public sealed record Definition(string File, Value Value, SourceLocation? Position = null)
{
    public int OrderPriority { get; init; } = Priorities.OrderDefault;

    /// <summary>Whether an <c>mkOrder</c> gave <see cref="OrderPriority"/>: then nixpkgs' <c>sortProperties</c>
    /// leaves a <c>priority</c> on the definition, which <c>definitionsWithLocations</c> shows.</summary>
    public bool Ordered { get; init; }

    /// <summary>An override priority given without a wrapping <c>mkOverride</c> set (option defaults: 1500).</summary>
    public int? PresetPriority { get; init; }

    /// <summary>Where to point a person: <c>file:line:column</c> when the span is known, else the file.</summary>
    public string Where => Position is { } p ? $"{File}:{p.Start}" : File;

    /// <summary>The same definition with another value; no longer an option default standing for <c>mkOptionDefault</c>.</summary>
    public Definition WithValue(Value value) => this with { Value = value, PresetPriority = null };

    /// <summary>The <c>{ file, value }</c> set that functions written in the language receive.</summary>
    public AttrSetValue ToValue() => Ordered
        ? Nix.Attrs(("file", Nix.Str(File)), ("priority", Nix.Int(OrderPriority)), ("value", Value))
        : Nix.Attrs(("file", Nix.Str(File)), ("value", Value));

    public static Definition FromValue(Value value)
    {
        var attrs = Nix.ForceAttrs(value, "a definition must be a set { file, value }");
        var file = Nix.Get(attrs, "file") is { } f ? Nix.ForceString(f) : "<unknown-file>";
        return new Definition(file, Nix.Get(attrs, "value") ?? Nix.Null);
    }

    public static ListValue ToList(IEnumerable<Definition> definitions) =>
        ListValue.Of([.. definitions.Select(d => (Value)d.ToValue())]);
}
