namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>A parsed POSIX extended regular expression, before it is compiled to a <see cref="PosixProgram"/>.</summary>
internal abstract record PosixSyntax
{
    /// <summary>One byte.</summary>
    public sealed record Literal(char Code) : PosixSyntax;

    /// <summary>A bracket expression, <c>.</c> or a class escape: the bytes it takes.</summary>
    public sealed record Set(PosixByteSet Bytes) : PosixSyntax;

    /// <summary><c>^</c>: the start of the searched text.</summary>
    public sealed record Begin : PosixSyntax;

    /// <summary><c>$</c>: the end of the input.</summary>
    public sealed record End : PosixSyntax;

    /// <summary>A parenthesised subexpression, numbered from 1 by its opening parenthesis.</summary>
    public sealed record Group(int Number, PosixSyntax Body) : PosixSyntax;

    public sealed record Sequence(IReadOnlyList<PosixSyntax> Items) : PosixSyntax;

    /// <summary>Alternatives, the left one preferred.</summary>
    public sealed record Alternation(IReadOnlyList<PosixSyntax> Choices) : PosixSyntax;

    /// <summary><c>*</c>, <c>+</c>, <c>?</c> or <c>{m,n}</c>; <see cref="Max"/> is null for no upper bound. Greedy.</summary>
    public sealed record Repeat(PosixSyntax Body, int Min, int? Max) : PosixSyntax;
}
