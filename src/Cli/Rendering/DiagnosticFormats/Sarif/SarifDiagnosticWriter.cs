using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;

/// <summary>
/// <c>--format sarif</c>: a SARIF 2.1.0 log with one run. The driver lists one rule per code
/// used; each diagnostic is a result with its level, message (free notes appended as
/// <c>note:</c> lines, since SARIF has no notes), primary location and its labels as related
/// locations. Files under the working directory get URIs relative to <c>%SRCROOT%</c>, which
/// <c>originalUriBaseIds</c> maps to that directory; others get absolute <c>file://</c> URIs.
/// </summary>
public sealed class SarifDiagnosticWriter : IDiagnosticWriter
{
    /// <summary>The location of the official schema, as SARIF consumers expect in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public const string SourceRootBaseId = "%SRCROOT%";

    private static readonly SarifJsonContext Context = new(new JsonSerializerOptions(SarifJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    public string Name => "sarif";

    public DiagnosticOutputStream PreferredStream => DiagnosticOutputStream.StandardOutput;

    public void Write(DiagnosticReport report, TextWriter output, DiagnosticWriterOptions options)
    {
        output.Write(JsonSerializer.Serialize(ToLog(report, options), Context.SarifLog));
        output.Write('\n');
    }

    public static SarifLog ToLog(DiagnosticReport report, DiagnosticWriterOptions options)
    {
        var codes = report.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var rules = codes
            .Select(code => new SarifReportingDescriptor(code, new SarifMessage(DiagnosticCodeDescriptions.Describe(code, options.CodeDescriptions))))
            .ToList();
        var results = report.Diagnostics.Select(d => ToResult(d, codes.IndexOf(d.Code), report)).ToList();
        var driver = new SarifToolComponent("ConfigLang", options.ToolVersion ?? AssemblyVersion(), options.InformationUri, rules);
        var baseIds = new Dictionary<string, SarifArtifactLocation>
        {
            [SourceRootBaseId] = new(report.Paths.WorkingDirectoryUri, null),
        };
        return new SarifLog(SchemaUri, "2.1.0", [new SarifRun(new SarifTool(driver), baseIds, results, "utf16CodeUnits")]);
    }

    private static SarifResult ToResult(Diagnostic diagnostic, int ruleIndex, DiagnosticReport report)
    {
        var message = new StringBuilder(diagnostic.Message);
        foreach (var note in diagnostic.Notes) message.Append("\nnote: ").Append(note);

        var locations = diagnostic.Location is { } primary ? new[] { new SarifLocation(null, PhysicalLocation(primary, report), null) } : null;
        var related = diagnostic.Labels
            .Select((label, index) => new SarifLocation(index + 1, PhysicalLocation(label.Location, report), new SarifMessage(label.Message)))
            .ToList();
        return new SarifResult(
            diagnostic.Code, ruleIndex, SeverityNames.Of(diagnostic.Severity), new SarifMessage(message.ToString()),
            locations, related.Count > 0 ? related : null,
            diagnostic.Subject is { } option ? new SarifResultProperties(option) : null);
    }

    private static SarifPhysicalLocation PhysicalLocation(SourceLocation location, DiagnosticReport report)
    {
        var at = report.Render(location);
        var artifact = DisplayPaths.IsRelative(at.File)
            ? new SarifArtifactLocation(DisplayPaths.ToUri(at.File), SourceRootBaseId)
            : new SarifArtifactLocation(DisplayPaths.ToUri(at.File), null);
        return new SarifPhysicalLocation(artifact, new SarifRegion(at.Line, at.Column, at.EndLine, at.EndColumn));
    }

    private static string? AssemblyVersion() =>
        typeof(SarifDiagnosticWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
