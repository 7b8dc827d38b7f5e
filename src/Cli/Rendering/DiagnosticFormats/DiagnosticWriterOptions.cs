namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// Per-run settings of a <see cref="IDiagnosticWriter"/> that are not part of the diagnostics
/// themselves. Tests pin <see cref="ToolVersion"/> so golden files do not change with every build.
/// </summary>
public sealed record DiagnosticWriterOptions
{
    public static DiagnosticWriterOptions Default { get; } = new();

    /// <summary>ANSI colours in the text format (decided by the CLI from <c>--color</c>).</summary>
    public bool UseColor { get; init; }

    /// <summary>The version reported as the SARIF tool driver's version; the assembly's when null.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>Where SARIF viewers send a reader who wants to know more about the tool.</summary>
    public string InformationUri { get; init; } = DefaultInformationUri;

    /// <summary>A placeholder under the reserved <c>.invalid</c> domain until the project has a public home page.</summary>
    public const string DefaultInformationUri = "https://configlang.invalid/";

    /// <summary>Short descriptions of diagnostic codes (SARIF <c>rules[].shortDescription</c>); codes
    /// missing here get a description from their layer (see <see cref="DiagnosticCodeDescriptions"/>).</summary>
    public IReadOnlyDictionary<string, string>? CodeDescriptions { get; init; }
}
