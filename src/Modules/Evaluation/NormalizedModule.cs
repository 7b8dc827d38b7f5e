using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// A module in canonical form (<c>unifyModuleSyntax</c>): whatever the user wrote (a function,
/// a set with <c>options</c>/<c>config</c>, or a bare set of definitions) becomes these fields.
/// <see cref="Key"/> identifies the module for de-duplication and <c>disabledModules</c>.
/// </summary>
public sealed record NormalizedModule(
    string File,
    string Key,
    string? Class,
    Value DisabledModules,
    Value Imports,
    Value Options,
    Value Config);
