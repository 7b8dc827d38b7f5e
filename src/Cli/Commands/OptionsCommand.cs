using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ConfigLang.Cli.Rendering;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Options;

namespace ConfigLang.Cli.Commands;

/// <summary>
/// <c>configlang options [OPTION.PATH] [--json] [--markdown]</c>: the documentation of the
/// declared options (name, type, default, example, description, where declared).
/// </summary>
public sealed class OptionsCommand(CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var optionPath = new Argument<string?>("OPTION.PATH")
        {
            Description = "The option, or the options under this path, e.g. security.acme.defaults.keyType or security.acme.certs.<name>.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Print a JSON list of the options." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the documentation as Markdown." };
        var module = new Option<string?>("--module") { Description = "Also document the options this module file declares." };
        var include = new Option<string[]>("-I") { Description = "Add a search path entry (DIR or NAME=DIR) for <NAME> lookups." };
        var command = new Command("options", "Print the documentation of the declared options.")
        {
            optionPath, json, markdown, module, include,
        };
        command.SetAction(result =>
        {
            var extra = result.GetValue(module);
            if (extra is not null && !File.Exists(extra))
            {
                console.Error.WriteLine($"error[CL9003]: the module file '{extra}' does not exist");
                return ExitCodes.Usage;
            }
            var query = new ConfigurationQuery(new EvaluatorOptions { SearchPath = result.GetValue(include) ?? [] });
            var outcome = query.Options(extra);
            // An extra module's names, descriptions and errors are shown with their control characters escaped.
            console.Error.Write(TerminalText.Escape(outcome.Messages(showTrace: false)));
            if (!outcome.Succeeded) return ExitCodes.InputErrors;
            using var document = JsonDocument.Parse(outcome.Text!);
            var all = document.RootElement.EnumerateArray().ToList();
            var path = ConfigurationQuery.SplitPath(result.GetValue(optionPath));
            var locations = all.Select(Location).ToList();
            var selected = OptionSelection.Select(path, locations).Select(i => all[i]).ToList();
            if (selected.Count == 0 && path.Count > 0)
            {
                ReportUnknown(path, locations);
                return ExitCodes.InputErrors;
            }
            console.Out.Write(
                // The JSON's strings keep DEL, C1 and bidi controls raw (JsonPrinter escapes C0 only): \u escapes are the same values.
                TerminalText.Escape(result.GetValue(json) ? "[" + string.Join(",", selected.Select(o => o.GetRawText())) + "]\n"
                    : result.GetValue(markdown) ? Document(selected, Markdown) : Document(selected, Text)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A path that names no declared option is a mistake (a typo, usually), not an empty answer.</summary>
    private void ReportUnknown(IReadOnlyList<string> path, IReadOnlyList<IReadOnlyList<string>> locations)
    {
        console.Error.WriteLine($"error[{ModuleDiagnostics.UnknownOption}]: no option '{TerminalText.EscapeLine(OptionPath.Show(path))}'");
        var suggestions = OptionSelection.Suggest(path, locations).Select(s => $"'{s}'").ToList();
        if (suggestions.Count == 0) return;
        var choices = suggestions.Count == 1 ? suggestions[0] : string.Join(", ", suggestions[..^1]) + " or " + suggestions[^1];
        console.Error.WriteLine($"  did you mean {TerminalText.EscapeLine(choices)}?");
    }

    private static IReadOnlyList<string> Location(JsonElement option) =>
        [.. option.GetProperty("loc").EnumerateArray().Select(name => name.GetString() ?? "")];

    /// <summary>Text and Markdown print at most this much in all (the library's own options are about 85 KB):
    /// 100,000 generated options sharing one 64 KiB description would otherwise print gigabytes.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Each option rendered, while the whole stays within <see cref="MaxDocumentBytes"/> (the first is
    /// always printed), then a line counting the options left out.</summary>
    private static string Document(IReadOnlyList<JsonElement> options, Action<StringBuilder, JsonElement> render)
    {
        var output = new StringBuilder();
        var one = new StringBuilder();
        long bytes = 0;
        for (var i = 0; i < options.Count; i++)
        {
            one.Clear();
            render(one, options[i]);
            bytes += Utf8Length(one);
            if (i > 0 && bytes > MaxDocumentBytes)
            {
                var left = (options.Count - i).ToString("N0", CultureInfo.InvariantCulture);
                output.Append($"… and {left} more options not shown (at most {MaxDocumentBytes / (1024 * 1024)} MiB is printed; --json prints them all)\n");
                break;
            }
            output.Append(one);
        }
        return output.ToString();
    }

    // Counted chunk by chunk rather than copied into a string only to be measured. A surrogate pair split
    // between chunks counts two bytes more, which only makes the limit a little stricter.
    private static long Utf8Length(StringBuilder text)
    {
        long bytes = 0;
        foreach (var chunk in text.GetChunks()) bytes += Encoding.UTF8.GetByteCount(chunk.Span);
        return bytes;
    }

    private static void Text(StringBuilder output, JsonElement option)
    {
        output.Append(Field(option, "name")).Append('\n');
        output.Append("  type: ").Append(Field(option, "type")).Append('\n');
        if (WholeField(option, "default") is { } d) output.Append("  default: ").Append(Indented(d)).Append('\n');
        if (WholeField(option, "example") is { } e) output.Append("  example: ").Append(Indented(e)).Append('\n');
        if (WholeField(option, "description") is { } text) output.Append("  description: ").Append(Indented(text.Trim())).Append('\n');
        foreach (var file in option.GetProperty("declarations").EnumerateArray()) output.Append("  declared in: ").Append(file.GetString()).Append('\n');
        output.Append('\n');
    }

    private static void Markdown(StringBuilder output, JsonElement option)
    {
        output.Append("## ").Append(Field(option, "name")).Append("\n\n");
        if (Field(option, "description") is { } text) output.Append(text.Trim()).Append("\n\n");
        output.Append("*Type:* ").Append(Field(option, "type")).Append("\n\n");
        if (Field(option, "default") is { } d) output.Append("*Default:* `").Append(d).Append("`\n\n");
        if (Field(option, "example") is { } e) output.Append("*Example:* `").Append(e).Append("`\n\n");
        foreach (var file in option.GetProperty("declarations").EnumerateArray()) output.Append("*Declared in:* ").Append(file.GetString()).Append("\n\n");
    }

    // A module may declare a description or default of any size: the text forms cut each field (--json prints the data whole).
    private static string? Field(JsonElement option, string name) =>
        WholeField(option, name) is { } text ? PrintedTextBounds.Cut(text, PrintedTextBounds.MaxMessageBytes) : null;

    private static string? WholeField(JsonElement option, string name) =>
        option.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A field's continuation lines indented under it, cut as printed: each line gains four bytes, so a field of
    /// many short lines cut before indenting printed up to five times the bound.</summary>
    private static string Indented(string text)
    {
        var output = new BoundedTextBuilder(PrintedTextBounds.MaxMessageBytes);
        var rest = text.AsSpan();
        for (var lineEnd = rest.IndexOf('\n'); lineEnd >= 0; lineEnd = rest.IndexOf('\n'))
        {
            output.Append(rest[..(lineEnd + 1)]).Append("    ");
            rest = rest[(lineEnd + 1)..];
        }
        return output.Append(rest).ToString();
    }
}
