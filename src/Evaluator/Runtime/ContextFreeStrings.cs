using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// Nix's <c>forceStringNoCtx</c> rule: a string that names something (an attribute, a file in the
/// store, an environment variable, a hash algorithm, a pattern…) must not refer to a store path,
/// since the name would lose the dependency. Checking is one field test (<see cref="StringValue.HasContext"/>).
/// </summary>
internal static class ContextFreeStrings
{
    /// <summary>Nix 2.8's error, naming the first entry of the (sorted) context as it is encoded
    /// (<c>!out!…drv</c>, <c>=…drv</c> or a plain path).</summary>
    public static EvaluationException NotAllowed(StringValue value, SourceLocation? site) =>
        EvaluationException.Create(EvaluationDiagnostics.StringContextNotAllowed,
            $"the string '{value.ToUnicode()}' is not allowed to refer to a store path (such as '{ByteText.ToUnicode(value.Context![0])}')", site);
}
