using System.Text.Json.Serialization;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats.Json;

/// <summary>Compile-time serialization metadata for <see cref="LintJsonReport"/>, so the JSON
/// format needs no reflection and the CLI stays Native-AOT compatible.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(LintJsonReport))]
internal sealed partial class LintJsonContext : JsonSerializerContext;
