using ConfigLang.Evaluator.Lowering.Bound;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// "attribute 'x' missing for call to 'f'", a required attribute missing from a builtin's set argument (getAttr,
/// listToAttrs, genericClosure, derivationStrict). Nix 2.8 places it at the literal that made the set, which every
/// set of Nix's remembers, and frames it "while invoking 'f'" at the call; a set made otherwise has no place, and
/// the error stays at the call without the frame. Ours remember none (no memory per set): the literal is found from
/// the argument as it was passed, the thunk of a set literal still holding its node, whether written at the call or
/// bound to a variable on the way. A set that came another way (a function's result, <c>//</c>) stays at the call.
/// Lint keeps the call.
/// </summary>
internal static class MissingCallAttribute
{
    /// <param name="set">The argument as passed (the set unforced, or the list's element), not the forced set.</param>
    public static EvaluationException Error(string attribute, string function, Value set, SourceLocation? site)
    {
        var error = EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, $"attribute '{attribute}' missing for call to '{function}'", site);
        return set is ExprThunk { Node: AttrsNode literal } && literal.OpeningBrace is { } brace
            ? error.LocatedByNixAt(brace).AddFrameOnlyNixHas($"while invoking '{function}'", site)
            : error;
    }
}
