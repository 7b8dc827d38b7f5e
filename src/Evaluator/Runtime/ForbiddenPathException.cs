namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// A file outside <see cref="EvaluatorOptions.AllowedPaths"/> was about to be looked at. Not an
/// <see cref="IOException"/>, which builtins turn into "No such file": a refused probe must not
/// answer at all. The interpreter turns it into <see cref="EvaluationDiagnostics.PathForbidden"/>
/// at the call that asked.
/// </summary>
public sealed class ForbiddenPathException(string path, IReadOnlyList<string> roots)
    : Exception($"access to absolute path '{path}' is forbidden in restricted mode")
{
    public string Path { get; } = path;

    public IReadOnlyList<string> Roots { get; } = roots;
}
