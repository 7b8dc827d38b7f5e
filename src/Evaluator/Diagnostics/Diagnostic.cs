using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>A secondary location with its own short message (for example "opened here").</summary>
public sealed record DiagnosticLabel(SourceLocation Location, string Message);

/// <summary>Where Nix 2.8 locates an evaluation error it places elsewhere than our precise span (the start of a
/// selection rather than its missing attribute, an interpolation's <c>${</c>): at <paramref name="Location"/>, or
/// nowhere when it is null.</summary>
public readonly record struct NixErrorPosition(SourceLocation? Location);

/// <summary>
/// The one diagnostic shape of every layer: a stable code (<c>CL0xxx</c> syntax, <c>CL1xxx</c>
/// evaluation, <c>CL2xxx</c> modules, <c>CL3xxx</c> ACME and checks, <c>CL9xxx</c> CLI), a
/// severity, a message, the primary location, labelled secondary locations and free notes.
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    SourceLocation? Location,
    IReadOnlyList<DiagnosticLabel> Labels,
    IReadOnlyList<string> Notes)
{
    /// <summary>The option path the diagnostic is about, where there is one (modules and checks).</summary>
    public string? Subject { get; init; }

    /// <summary>Where eval's Nix-compatible output locates the error; unset, at <see cref="Location"/>. Set where
    /// Nix 2.8's place differs, and by <c>==</c> and <c>!=</c> at <see cref="Location"/> itself, so that no site the
    /// error unwinds through later (the first that knows decides) moves it. Lint and the other commands keep the
    /// precise <see cref="Location"/>.</summary>
    public NixErrorPosition? NixPosition { get; init; }

    /// <summary>How eval's Nix-compatible output words the error where Nix 2.8's words say less than ours (lint
    /// keeps <see cref="Message"/>); unset, <see cref="Message"/>.</summary>
    public string? NixMessage { get; init; }

    /// <summary>Whether Nix 2.8 raises it as a usage error (an unknown hash algorithm): eval's Nix-compatible output
    /// ends with the line pointing to <c>--help</c> that nix-instantiate prints after one.</summary>
    public bool IsNixUsageError { get; init; }

    /// <summary>Names Nix 2.8 suggests after a missing attribute or argument ("Did you mean y?"), best first.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    public static Diagnostic Error(string code, string message, SourceLocation? location) =>
        new(code, DiagnosticSeverity.Error, message, location, [], []);

    public static Diagnostic Warning(string code, string message, SourceLocation? location) =>
        new(code, DiagnosticSeverity.Warning, message, location, [], []);

    public Diagnostic WithLabel(SourceLocation location, string message) =>
        this with { Labels = [.. Labels, new DiagnosticLabel(location, message)] };

    public Diagnostic WithNote(string note) => this with { Notes = [.. Notes, note] };

    public bool IsError => Severity == DiagnosticSeverity.Error;
}
