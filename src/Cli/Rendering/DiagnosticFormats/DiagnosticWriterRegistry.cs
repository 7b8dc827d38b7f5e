using System.Diagnostics.CodeAnalysis;
using ConfigLang.Cli.Rendering.DiagnosticFormats.GitHub;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Json;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;

namespace ConfigLang.Cli.Rendering.DiagnosticFormats;

/// <summary>
/// The diagnostic formats by name, for <c>--format NAME</c>. Built from the registered
/// <see cref="IDiagnosticWriter"/>s (the CLI's service collection) or, without DI, from
/// <see cref="CreateDefault"/>. Names are matched without regard to case.
/// </summary>
public sealed class DiagnosticWriterRegistry
{
    private readonly Dictionary<string, IDiagnosticWriter> _writers = new(StringComparer.OrdinalIgnoreCase);

    public DiagnosticWriterRegistry(IEnumerable<IDiagnosticWriter> writers)
    {
        var names = new List<string>();
        foreach (var writer in writers)
        {
            if (!_writers.TryAdd(writer.Name, writer))
                throw new ArgumentException($"two diagnostic writers are named '{writer.Name}'", nameof(writers));
            names.Add(writer.Name);
        }
        Names = names;
    }

    /// <summary>text, json, sarif and github, in that order (the order shown in help).</summary>
    public static DiagnosticWriterRegistry CreateDefault() =>
        new([new TextDiagnosticWriter(), new JsonDiagnosticWriter(), new SarifDiagnosticWriter(), new GitHubDiagnosticWriter()]);

    /// <summary>The format names in registration order, for help text and completions.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryGet(string name, [NotNullWhen(true)] out IDiagnosticWriter? writer) => _writers.TryGetValue(name, out writer);

    public IDiagnosticWriter Get(string name) =>
        TryGet(name, out var writer)
            ? writer
            : throw new KeyNotFoundException($"unknown diagnostic format '{name}' (expected one of: {string.Join(", ", Names)})");
}
