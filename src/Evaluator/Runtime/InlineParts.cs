using System.Runtime.CompilerServices;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>Room for the few operands of a string interpolation, on the stack instead of in an
/// array per evaluation (a rendered file interpolates millions of times).</summary>
[InlineArray(Length)]
internal struct InlineParts<T>
{
    public const int Length = 8;

    private T _first;
}
