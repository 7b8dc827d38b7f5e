using ConfigLang.Evaluator.Runtime.Builtins;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Types;

/// <summary>
/// The types without parameters, and constructors for the parameterised simple ones
/// (<c>ints.between</c>, <c>strMatching</c>, <c>pathWith</c>). Names and descriptions are
/// NixOS's, since messages quote them (<c>is not of type `signed integer'</c>).
/// </summary>
public static class BuiltinTypes
{
    public const string StoreDirectory = "/nix/store";

    public static readonly SimpleType Bool = new("bool", "boolean", v => v is BoolValue, SimpleMerge.Equal);
    public static readonly SimpleType BoolByOr = new("boolByOr", "boolean (merged using OR)", v => v is BoolValue, SimpleMerge.Or);
    public static readonly SimpleType Int = new("int", "signed integer", v => v is IntValue, SimpleMerge.Equal);
    public static readonly SimpleType Float = new("float", "floating point number", v => v is FloatValue, SimpleMerge.Equal);
    public static readonly SimpleType Number = new("number", "signed integer or floating point number", v => v is IntValue or FloatValue, SimpleMerge.Equal);
    public static readonly SimpleType Str = new("str", "string", v => v is StringValue, SimpleMerge.Equal);
    public static readonly SimpleType NonEmptyStr = new("nonEmptyStr", "non-empty string",
        v => v is StringValue s && s.Text.Trim().Length > 0, SimpleMerge.Equal);
    public static readonly SimpleType SingleLineStr = new("singleLineStr", "(optionally newline-terminated) single-line string",
        v => v is StringValue s && !s.Text.TrimEnd('\n').Contains('\n') && s.Text.Count(c => c == '\n') <= 1, SimpleMerge.Equal);
    public static readonly SimpleType Attrs = new("attrs", "attribute set", v => v is AttrSetValue, SimpleMerge.Update, emptyValue: AttrSetValue.Empty);
    public static readonly SimpleType Unspecified = new("unspecified", "unspecified value", _ => true, SimpleMerge.Default);
    public static readonly SimpleType Raw = new("raw", "raw value", _ => true, SimpleMerge.One);
    public static readonly SimpleType OptionDeclaration = new("option", "option declaration", v => v is AttrSetValue a && a.Get("_type")?.Force() is StringValue { Text: "option" } && a.Get("declarations") is null, SimpleMerge.One);
    public static readonly SimpleType Package = new("package", "package", IsPackage, SimpleMerge.One);
    public static readonly SimpleType Path = PathWith(absolute: true, inStore: null);
    public static readonly SimpleType PathInStore = PathWith(absolute: null, inStore: true);
    public static readonly SimpleType ExternalPath = PathWith(absolute: true, inStore: false);

    public static readonly SeparatedStringType Lines = new("\n");
    public static readonly SeparatedStringType Commas = new(",");
    public static readonly SeparatedStringType EnvVar = new(":");

    public static OptionType OptionTypeType => Types.OptionTypeType.Instance;

    public static SimpleType IntBetween(long lowest, long highest) =>
        new("intBetween", $"integer between {lowest} and {highest} (both inclusive)",
            v => v is IntValue i && i.Value >= lowest && i.Value <= highest, SimpleMerge.Equal, payload: (lowest, highest));

    public static SimpleType UnsignedBits(int bits) =>
        new($"unsignedInt{bits}", $"{bits} bit unsigned integer; between 0 and {(1L << bits) - 1} (both inclusive)",
            v => v is IntValue i && i.Value >= 0 && i.Value <= (1L << bits) - 1, SimpleMerge.Equal);

    public static SimpleType SignedBits(int bits) =>
        new($"signedInt{bits}", $"{bits} bit signed integer; between {-(1L << (bits - 1))} and {(1L << (bits - 1)) - 1} (both inclusive)",
            v => v is IntValue i && i.Value >= -(1L << (bits - 1)) && i.Value <= (1L << (bits - 1)) - 1, SimpleMerge.Equal);

    public static readonly SimpleType Unsigned = new("unsignedInt", "unsigned integer, meaning >=0", v => v is IntValue i && i.Value >= 0, SimpleMerge.Equal, "nonRestrictiveClause");
    public static readonly SimpleType Positive = new("positiveInt", "positive integer, meaning >0", v => v is IntValue i && i.Value > 0, SimpleMerge.Equal, "nonRestrictiveClause");
    public static readonly SimpleType Port = UnsignedBits(16);

    public static SimpleType FloatBetween(double lowest, double highest) =>
        new("numberBetween", $"integer or floating point number between {lowest} and {highest} (both inclusive)",
            v => AsDouble(v) is { } d && d >= lowest && d <= highest, SimpleMerge.Equal, payload: (lowest, highest));

    public static readonly SimpleType NonNegativeNumber = new("numberNonnegative", "nonnegative integer or floating point number, meaning >=0",
        v => AsDouble(v) is >= 0, SimpleMerge.Equal, "nonRestrictiveClause");
    public static readonly SimpleType PositiveNumber = new("numberPositive", "positive integer or floating point number, meaning >0",
        v => AsDouble(v) is > 0, SimpleMerge.Equal, "nonRestrictiveClause");

    /// <summary>nixpkgs' <c>strMatching</c>: <c>builtins.match pattern value != null</c>, so the pattern is POSIX ERE
    /// (<c>[^[:space:]]</c>) compiled as <c>match</c> compiles it, not a .NET pattern.</summary>
    public static SimpleType StrMatching(string pattern)
    {
        var regex = PosixRegex.Compile(pattern);
        return new("strMatching " + Options.OptionPath.QuoteString(pattern), $"string matching the pattern {pattern}",
            v => v is StringValue s && regex.IsMatch(s.Text), SimpleMerge.Equal, payload: pattern);
    }

    public static SimpleType PathWith(bool? absolute, bool? inStore)
    {
        var description = (absolute is null ? "" : absolute.Value ? "absolute " : "relative ") + "path"
            + (inStore is null ? "" : inStore.Value ? " in the Nix store" : " not in the Nix store");
        return new("path", description, v =>
        {
            var text = v switch { PathValue p => p.Path, StringValue s => s.Text, AttrSetValue a when a.Get("outPath")?.Force() is StringValue o => o.Text, _ => null };
            // No file system path holds a NUL (no program can make one; a host's builtin could).
            if (text is null || text.Contains('\0')) return false;
            // Not in the store means a string: a path value would be copied into the store when used.
            if (inStore == false && v is not StringValue) return false;
            if (absolute == true && !text.StartsWith('/')) return false;
            if (absolute == false && text.StartsWith('/')) return false;
            if (inStore == true && (!text.StartsWith('/') || !IsInStore(text))) return false;
            if (inStore == false && IsInStore(text)) return false;
            return true;
        }, SimpleMerge.Equal, payload: (absolute, inStore));
    }

    /// <summary>A path strictly below the store directory, naming a store object (not <c>.links</c>).</summary>
    public static bool IsInStore(string path) =>
        path.StartsWith(StoreDirectory + "/", StringComparison.Ordinal)
        && path.Length > StoreDirectory.Length + 1
        && !path[(StoreDirectory.Length + 1)..].StartsWith('.');

    private static bool IsPackage(Value value) => value switch
    {
        AttrSetValue a => a.Get("type")?.Force() is StringValue { Text: "derivation" },
        StringValue s => IsInStore(s.Text),
        PathValue p => IsInStore(p.Path),
        _ => false,
    };

    private static double? AsDouble(Value value) => value switch
    {
        IntValue i => i.Value,
        FloatValue f => f.Value,
        _ => null,
    };
}
