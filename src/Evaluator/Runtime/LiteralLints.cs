namespace ConfigLang.Evaluator.Runtime;

/// <summary>Literal forms a program may be forbidden to use (as with Lix's <c>--lint-*-literals fatal</c>).</summary>
[Flags]
public enum LiteralLints
{
    None = 0,
    /// <summary>Unquoted URLs such as <c>http://example.com</c>.</summary>
    UrlLiterals = 1,
    /// <summary>Paths without a leading <c>./</c> such as <c>test/subdir</c>.</summary>
    ShortPathLiterals = 2,
    /// <summary>Absolute paths such as <c>/tmp/foo</c>.</summary>
    AbsolutePathLiterals = 4,
}
