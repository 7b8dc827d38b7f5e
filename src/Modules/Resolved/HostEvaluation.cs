using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Modules.Resolved;

/// <summary>
/// What <see cref="HostEvaluator.Evaluate{T}"/> read, or the located diagnostic of the evaluation
/// error that stopped it, with the files the evaluation read (the host's own files first).
/// </summary>
public sealed record HostEvaluation<T>(T? Value, Diagnostic? Error, IReadOnlyList<string> ImportedFiles)
{
    public bool Succeeded => Error is null;
}
