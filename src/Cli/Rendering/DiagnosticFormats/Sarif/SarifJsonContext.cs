using System.Text.Json.Serialization;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;

/// <summary>Compile-time serialization metadata for <see cref="SarifLog"/> (no reflection: Native-AOT compatible).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;
