using System.CommandLine;
using System.Text;
using System.Text.Json;
using ConfigLang.Cli.Rendering;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;

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
            Description = "Only the options under this path, e.g. security.acme.",
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
            var outcome = query.Options(extra, result.GetValue(optionPath), showTrace: false);
            console.Error.Write(outcome.Stderr);
            if (!outcome.Succeeded) return ExitCodes.InputErrors;
            if (result.GetValue(json))
            {
                console.Out.WriteLine(outcome.Stdout.Trim());
                return ExitCodes.Ok;
            }
            using var document = JsonDocument.Parse(outcome.Stdout);
            console.Out.Write(result.GetValue(markdown) ? Markdown(document.RootElement) : Text(document.RootElement));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(JsonElement options)
    {
        var output = new StringBuilder();
        foreach (var option in options.EnumerateArray())
        {
            output.Append(Field(option, "name")).Append('\n');
            output.Append("  type: ").Append(Field(option, "type")).Append('\n');
            if (Field(option, "default") is { } d) output.Append("  default: ").Append(Indent(d)).Append('\n');
            if (Field(option, "example") is { } e) output.Append("  example: ").Append(Indent(e)).Append('\n');
            if (Field(option, "description") is { } text) output.Append("  description: ").Append(Indent(text.Trim())).Append('\n');
            foreach (var file in option.GetProperty("declarations").EnumerateArray()) output.Append("  declared in: ").Append(file.GetString()).Append('\n');
            output.Append('\n');
        }
        return output.ToString();
    }

    private static string Markdown(JsonElement options)
    {
        var output = new StringBuilder();
        foreach (var option in options.EnumerateArray())
        {
            output.Append("## ").Append(Field(option, "name")).Append("\n\n");
            if (Field(option, "description") is { } text) output.Append(text.Trim()).Append("\n\n");
            output.Append("*Type:* ").Append(Field(option, "type")).Append("\n\n");
            if (Field(option, "default") is { } d) output.Append("*Default:* `").Append(d).Append("`\n\n");
            if (Field(option, "example") is { } e) output.Append("*Example:* `").Append(e).Append("`\n\n");
            foreach (var file in option.GetProperty("declarations").EnumerateArray()) output.Append("*Declared in:* ").Append(file.GetString()).Append("\n\n");
        }
        return output.ToString();
    }

    private static string? Field(JsonElement option, string name) =>
        option.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Indent(string text) => text.Replace("\n", "\n    ");
}
