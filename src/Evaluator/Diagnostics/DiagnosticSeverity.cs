namespace ConfigLang.Evaluator.Diagnostics;

public enum DiagnosticSeverity
{
    Note,
    Warning,
    Error,
}
