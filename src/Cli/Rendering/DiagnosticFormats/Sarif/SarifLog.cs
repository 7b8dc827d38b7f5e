using System.Text.Json.Serialization;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;

// The part of the SARIF 2.1.0 object model that ConfigLang writes (OASIS standard, section 3).
// Property names follow the spec through the camel-case policy of SarifJsonContext; null
// properties are left out, as the schema allows no nulls.

/// <summary>The root object of a SARIF file (§3.13).</summary>
public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

/// <summary>One run of one tool (§3.14). <see cref="OriginalUriBaseIds"/> maps <c>%SRCROOT%</c>
/// to the working directory that relative artifact URIs are resolved against.</summary>
public sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyDictionary<string, SarifArtifactLocation>? OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind);

/// <summary>The tool (§3.18); ConfigLang has only a driver, no extensions.</summary>
public sealed record SarifTool(SarifToolComponent Driver);

/// <summary>The driver (§3.19): name, version, home page, and one rule per code in the results.</summary>
public sealed record SarifToolComponent(
    string Name,
    string? Version,
    string InformationUri,
    IReadOnlyList<SarifReportingDescriptor> Rules);

/// <summary>A rule (§3.49): a diagnostic code and its short description.</summary>
public sealed record SarifReportingDescriptor(string Id, SarifMessage ShortDescription);

/// <summary>A plain-text message (§3.11); also serves as a multiformatMessageString.</summary>
public sealed record SarifMessage(string Text);

/// <summary>One diagnostic (§3.27). <see cref="Locations"/> is null for a diagnostic without a
/// location; labels become <see cref="RelatedLocations"/>.</summary>
public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation>? Locations,
    IReadOnlyList<SarifLocation>? RelatedLocations,
    SarifResultProperties? Properties);

/// <summary>A location (§3.28); <see cref="Id"/> and <see cref="Message"/> are set for related locations.</summary>
public sealed record SarifLocation(int? Id, SarifPhysicalLocation PhysicalLocation, SarifMessage? Message);

/// <summary>A file and a region in it (§3.29).</summary>
public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

/// <summary>A file (§3.4): a URI, relative to <see cref="UriBaseId"/> when that is set.</summary>
public sealed record SarifArtifactLocation(string Uri, string? UriBaseId);

/// <summary>A text region (§3.30), 1-based; the end column is the one after the last character.</summary>
public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>The property bag of a result (§3.8): the option path the diagnostic is about.</summary>
public sealed record SarifResultProperties(string? Option);
