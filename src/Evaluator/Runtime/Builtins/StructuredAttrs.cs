using System.Text;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// A derivation with <c>__structuredAttrs = true</c>: its attributes go to the builder as one
/// JSON object in the <c>__json</c> environment variable (keys in attribute order, each value as
/// <c>builtins.toJSON</c> writes it) instead of one variable each, as Nix 2.8 does. The legacy
/// output checks then have no effect, which newer Nix warns about (the corpus's .err.exp).
/// </summary>
internal sealed class StructuredAttrs
{
    /// <summary>Attributes that only work without structured attributes (outputChecks replace them).</summary>
    private static readonly HashSet<string> LegacyOutputChecks = new(StringComparer.Ordinal)
    {
        "allowedReferences", "allowedRequisites", "disallowedReferences", "disallowedRequisites", "maxSize", "maxClosureSize",
    };

    private readonly StringBuilder _json = new("{");

    /// <summary>Adds one attribute (already JSON-encoded); callers add them in attribute order.</summary>
    public void Add(string key, string encodedValue)
    {
        if (_json.Length > 1) _json.Append(',');
        JsonPrinter.AppendString(_json, key);
        _json.Append(':').Append(encodedValue);
    }

    /// <summary>The <c>__json</c> variable's value.</summary>
    public string Json => _json.ToString() + "}";

    /// <summary>Newer Nix's warning for a legacy output check, framed and located as it prints it.</summary>
    public static void WarnIfLegacyOutputCheck(Interpreter interpreter, string drvName, string key, SourceLocation? position)
    {
        if (!LegacyOutputChecks.Contains(key)) return;
        var message = $"'structuredAttrs' disables the effect of the derivation attribute '{key}'; use 'outputChecks.<output>.{key}' instead";
        var warning = position is { } at ? ErrorFormatter.FormatWarning(message, at) : "warning: " + message;
        interpreter.WriteTrace($"warning:\n         … while evaluating derivation '{drvName}'\n\n         {warning}");
    }
}
