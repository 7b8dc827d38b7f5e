using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// Nix strings are C strings: a NUL byte cannot be in one. A literal or a JSON string
/// (<c>fromJSON</c>'s <c>\u0000</c>) that would make one is rejected with newer Nix's message, the
/// NUL shown as U+2400 (Nix 2.8 cut the string at the NUL instead).
/// </summary>
internal static class NulBytes
{
    public static string Rejected(string text, SourceLocation? site)
    {
        if (!text.Contains('\0')) return text;
        throw EvaluationException.Create(EvaluationDiagnostics.Serialization,
            $"input string '{text.Replace('\0', '\u2400')}' cannot be represented as Nix string because it contains null bytes", site);
    }
}
