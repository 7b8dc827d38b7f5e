using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Resolved;

/// <summary>
/// One definition of an option as the module system recorded it: where it is written (the
/// attribute's span, when known), its override priority, whether it decides the value (it has
/// the best priority) and whether it is the option's default from its declaration.
/// </summary>
public sealed record DefinitionOrigin(string File, SourceLocation? Position, int Priority, bool Won, bool IsDefault)
{
    /// <summary>Whether the definition is written in the built-in option library rather than by the user.</summary>
    public bool IsLibrary => LibraryFiles.Contains(Position?.Source.Path ?? File);
}
