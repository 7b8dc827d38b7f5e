using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Rendering.Show;

/// <summary>
/// <c>show --explain</c> for people: per option its resolved value, type and declarations, then
/// one line per definition (status, priority, where, value), in the order the merge sees them.
/// <code>
/// security.acme.certs."example.org".group = "nginx"
///   type: string
///   declared in: &lt;configlang/modules/security/acme.nix&gt;:201:7
///   definitions:
///     overridden  option default (1500)  &lt;configlang/modules/security/acme.nix&gt;:201:7  "acme"
///     used        plain (100)            hosts/web.nix:12:7  "nginx"
/// </code>
/// A default that is another option's value (a certificate's <c>email</c> from
/// <c>security.acme.defaults.email</c>) ends with <c>(inherited from OPTION at FILE:LINE:COLUMN)</c>.
/// </summary>
public static class ExplainTextWriter
{
    private const int ValueWidth = 100;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ExplainReport report)
    {
        var text = new StringBuilder();
        foreach (var node in report.Options)
        {
            var option = node!.AsObject();
            if (text.Length > 0) text.Append('\n');
            text.Append(option["option"]!.GetValue<string>());
            text.Append(option["defined"]!.GetValue<bool>() ? " = " + Show(option["value"]) : " (not defined)").Append('\n');
            text.Append("  type: ").Append(option["type"]!.GetValue<string>()).Append('\n');
            foreach (var declaration in option["declarations"]!.AsArray())
                text.Append("  declared in: ").Append(Where(declaration!.AsObject())).Append('\n');
            var definitions = option["definitions"]!.AsArray().Select(d => d!.AsObject()).ToList();
            if (definitions.Count == 0) continue;
            text.Append("  definitions:\n");
            var priorities = definitions.Select(PriorityLabel).ToList();
            var width = priorities.Max(p => p.Length);
            for (var i = 0; i < definitions.Count; i++)
            {
                var definition = definitions[i];
                text.Append("    ").Append(definition["status"]!.GetValue<string>().PadRight(11))
                    .Append(priorities[i].PadRight(width + 2))
                    .Append(Where(definition));
                if (definition["error"] is { } error) text.Append("  (value not shown: ").Append(Truncate(FirstLine(error.GetValue<string>()))).Append(')');
                else text.Append("  ").Append(Truncate(Show(definition["value"])));
                if (definition["inheritedFrom"] is JsonObject source)
                    text.Append("  (inherited from ").Append(source["option"]!.GetValue<string>()).Append(" at ").Append(Where(source)).Append(')');
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The override priority with the function that gives it, and <c>mkOrder</c> when set.</summary>
    private static string PriorityLabel(JsonObject definition)
    {
        var priority = definition["priority"]!.GetValue<int>();
        var name = definition["kind"]!.GetValue<string>() == "default" ? "option default" : priority switch
        {
            1500 => "mkOptionDefault",
            1000 => "mkDefault",
            100 => "plain",
            50 => "mkForce",
            _ => "mkOverride",
        };
        var label = $"{name} ({priority})";
        if (definition["order"] is { } order)
        {
            var value = order.GetValue<int>();
            label += value switch { 500 => ", mkBefore", 1500 => ", mkAfter", _ => $", mkOrder {value}" };
        }
        return label;
    }

    private static string Where(JsonObject location) =>
        location["line"] is { } line
            ? $"{location["file"]!.GetValue<string>()}:{line.GetValue<int>()}:{location["column"]!.GetValue<int>()}"
            : location["file"]!.GetValue<string>();

    private static string Show(JsonNode? value) => value is null ? "null" : value.ToJsonString(Compact);

    private static string FirstLine(string text) => text.IndexOf('\n') is var end and >= 0 ? text[..end] : text;

    /// <summary>At most <see cref="ValueWidth"/> columns, cut between characters (never inside a surrogate pair).</summary>
    private static string Truncate(string text)
    {
        if (text.Length <= ValueWidth) return text;
        var head = text.AsSpan(0, ValueWidth - 1);
        return string.Concat(head[..WholeCharacters.CutLength(head)], "…");
    }
}
