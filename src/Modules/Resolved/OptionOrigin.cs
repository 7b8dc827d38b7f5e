using ConfigLang.Evaluator.Text;

namespace ConfigLang.Modules.Resolved;

/// <summary>
/// Where the value of one option came from: its definitions (the default included, see
/// <see cref="DefinitionOrigin.IsDefault"/>), in the order the modules gave them, and where the
/// option is declared.
/// </summary>
public sealed record OptionOrigin(IReadOnlyList<string> Option, IReadOnlyList<DefinitionOrigin> Definitions, IReadOnlyList<SourceLocation> Declarations)
{
    /// <summary>The definitions that decide the value (the best priority; several for merged lists and sets).</summary>
    public IEnumerable<DefinitionOrigin> Winning => Definitions.Where(d => d.Won);

    /// <summary>The user's definition that decides the value (the last one written, as NixOS lists them), or null
    /// when only the library sets it (its default, say).</summary>
    public DefinitionOrigin? UserDefinition => Winning.LastOrDefault(d => !d.IsLibrary && d.Position is not null);

    /// <summary>Whether the value is the option's default, no definition of better priority replacing it.</summary>
    public bool IsDefault => Definitions.Any(d => d.Won && d.IsDefault);

    /// <summary>Where to point a person: the user's deciding definition, else any user definition, else the deciding one.</summary>
    public SourceLocation? Location =>
        UserDefinition?.Position
        ?? Definitions.LastOrDefault(d => !d.IsLibrary && d.Position is not null)?.Position
        ?? Winning.LastOrDefault(d => d.Position is not null)?.Position;
}
