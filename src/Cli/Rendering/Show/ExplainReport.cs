using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigLang.Cli.Rendering.DiagnosticFormats;

namespace ConfigLang.Cli.Rendering.Show;

/// <summary>
/// The answer of <c>show --explain</c> as the module layer gives it (JSON, see
/// <c>OptionExplainer</c>), with every <c>file</c> shown as diagnostics show paths (relative
/// to the working directory when inside it; the built-in library as <c>&lt;configlang/…&gt;</c>).
/// </summary>
public sealed class ExplainReport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private ExplainReport(JsonObject root) => Root = root;

    /// <summary><c>{ "options": [ … ] }</c>.</summary>
    public JsonObject Root { get; }

    public JsonArray Options => Root["options"]!.AsArray();

    // The order fields are written in: what a reader looks for first (evaluation output is sorted by name).
    private static readonly string[] OptionFields = ["option", "type", "defined", "value", "declarations", "definitions"];
    private static readonly string[] LocationFields = ["file", "line", "column", "kind", "priority", "order", "status", "value", "error", "inheritedFrom"];

    public static ExplainReport Parse(string json, DisplayPaths paths)
    {
        var evaluated = JsonNode.Parse(json)!.AsObject();
        var options = new JsonArray();
        foreach (var node in evaluated["options"]!.AsArray())
        {
            var option = Ordered(node!.AsObject(), OptionFields);
            foreach (var list in new[] { "declarations", "definitions" })
            {
                var entries = new JsonArray();
                foreach (var entry in option[list]!.AsArray()) entries.Add((JsonNode)Relativise(Ordered(entry!.AsObject(), LocationFields), paths));
                option[list] = entries;
            }
            options.Add((JsonNode)option);
        }
        return new ExplainReport(new JsonObject { ["options"] = options });
    }

    private static JsonObject Ordered(JsonObject source, string[] order)
    {
        var result = new JsonObject();
        foreach (var name in order.Concat(source.Select(p => p.Key).Where(k => !order.Contains(k))))
        {
            if (source.ContainsKey(name)) result[name] = source[name]?.DeepClone();
        }
        return result;
    }

    private static JsonObject Relativise(JsonObject entry, DisplayPaths paths)
    {
        if (entry["file"]?.GetValue<string>() is { } file && !file.StartsWith('<')) entry["file"] = paths.Display(file);
        // An inherited default points at the definition of the option it comes from.
        if (entry["inheritedFrom"] is JsonObject source) Relativise(source, paths);
        return entry;
    }

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => Root.ToJsonString(Indented);
}
