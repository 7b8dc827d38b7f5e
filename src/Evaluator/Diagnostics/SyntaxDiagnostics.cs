using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>
/// The catalogue of syntax diagnostics (<c>CL0xxx</c>). Codes are stable: once published a code
/// keeps its meaning, so scripts and documentation may refer to it. Each factory builds the
/// diagnostic with its primary span; callers add labels ("opened here") and notes.
/// </summary>
public static class SyntaxDiagnostics
{
    public const string UnexpectedTokenCode = "CL0001";
    public const string UnexpectedEndOfFileCode = "CL0002";
    public const string MissingSemicolonCode = "CL0003";
    public const string UnclosedDelimiterCode = "CL0004";
    public const string UnterminatedStringCode = "CL0005";
    public const string UnterminatedIndentedStringCode = "CL0006";
    public const string UnterminatedInterpolationCode = "CL0007";
    public const string UnterminatedCommentCode = "CL0008";
    public const string InvalidCharacterCode = "CL0009";
    public const string PathTrailingSlashCode = "CL0010";
    public const string ExpectedAttributeNameCode = "CL0011";
    public const string ExpectedTokenCode = "CL0012";
    /// <summary>Also an evaluation error: a dynamic name found twice (CL1014 was its old evaluation code).</summary>
    public const string DuplicateAttributeCode = "CL0013";
    public const string DuplicateFormalCode = "CL0014";
    /// <summary>Also an evaluation error: a name no <c>with</c> provides (CL1001 was its old evaluation code).</summary>
    public const string UndefinedVariableCode = "CL0015";
    public const string NestingTooDeepCode = "CL0016";
    public const string InvalidIntegerCode = "CL0017";
    public const string UnsupportedOperatorCode = "CL0018";
    public const string UnmatchedClosingDelimiterCode = "CL0019";
    public const string DynamicAttributeNotAllowedCode = "CL0020";
    public const string NonAssociativeOperatorCode = "CL0021";
    /// <summary>A warning: <c>or</c> used as a name where newer Nix will read it as the operator.</summary>
    public const string CursedOrCode = "CL0022";

    /// <summary>Newer Nix's warning, word for word (the corpus's <c>eval-okay-deprecate-cursed-or</c> expects it).</summary>
    public static Diagnostic CursedOr(SourceText source, TextSpan span, string written) =>
        Diagnostic.Warning(CursedOrCode,
            "This expression uses `or` as an identifier in a way that will change in a future Nix release.\n" +
            "Wrap this entire expression in parentheses to preserve its current meaning:\n" +
            $"    ({written})\n" +
            "Give feedback at https://github.com/NixOS/nix/pull/11121",
            new SourceLocation(source, span));

    public static Diagnostic UnexpectedToken(SourceText source, TextSpan span, string found, string? expected) =>
        Error(UnexpectedTokenCode, expected is null ? $"unexpected {found}" : $"unexpected {found}, expected {expected}", source, span);

    public static Diagnostic UnexpectedEndOfFile(SourceText source, TextSpan span, string? expected) =>
        Error(UnexpectedEndOfFileCode, expected is null ? "unexpected end of file" : $"unexpected end of file, expected {expected}", source, span);

    public static Diagnostic MissingSemicolon(SourceText source, TextSpan span, string bindingName) =>
        Error(MissingSemicolonCode, $"expected ';' after the binding of '{Shown(bindingName)}'", source, span);

    public static Diagnostic UnclosedDelimiter(SourceText source, TextSpan at, string delimiter, TextSpan openedAt, string found) =>
        Error(UnclosedDelimiterCode, $"unclosed '{delimiter}': found {found}", source, at)
            .WithLabel(new SourceLocation(source, openedAt), $"'{delimiter}' opened here");

    public static Diagnostic UnterminatedString(SourceText source, TextSpan at, TextSpan openedAt) =>
        Error(UnterminatedStringCode, "unterminated string: end of file before the closing '\"'", source, at)
            .WithLabel(new SourceLocation(source, openedAt), "string starts here");

    public static Diagnostic UnterminatedIndentedString(SourceText source, TextSpan at, TextSpan openedAt) =>
        Error(UnterminatedIndentedStringCode, "unterminated indented string: end of file before the closing \"''\"", source, at)
            .WithLabel(new SourceLocation(source, openedAt), "indented string starts here");

    public static Diagnostic UnterminatedInterpolation(SourceText source, TextSpan at, TextSpan openedAt, string found) =>
        Error(UnterminatedInterpolationCode, $"unclosed interpolation: expected '}}', found {found}", source, at)
            .WithLabel(new SourceLocation(source, openedAt), "'${' opened here");

    public static Diagnostic UnterminatedComment(SourceText source, TextSpan span) =>
        Error(UnterminatedCommentCode, "unterminated comment: '/*' without a closing '*/'", source, span);

    public static Diagnostic InvalidCharacter(SourceText source, TextSpan span, string character) =>
        Error(InvalidCharacterCode, $"invalid character {character}", source, span);

    /// <param name="nixAt">Where Nix 2.8 reports it: at the token its lexer read last (see the lexer).</param>
    public static Diagnostic PathTrailingSlash(SourceText source, TextSpan span, string path, TextSpan nixAt) =>
        Error(PathTrailingSlashCode, $"path '{Shown(path)}' has a trailing slash", source, span)
            .WithNote("remove the final '/' (a path names a file or directory, not its contents)")
            with { NixMessage = "path has a trailing slash", NixPosition = new NixErrorPosition(new SourceLocation(source, nixAt)) };

    public static Diagnostic ExpectedAttributeName(SourceText source, TextSpan span, string found) =>
        Error(ExpectedAttributeNameCode, $"expected an attribute name, found {found}", source, span);

    public static Diagnostic ExpectedToken(SourceText source, TextSpan span, string expected, string found) =>
        Error(ExpectedTokenCode, $"expected {expected}, found {found}", source, span);

    /// <summary>As Nix words it: the message names the first definition, the span is the second.</summary>
    public static Diagnostic DuplicateAttribute(SourceText source, TextSpan span, string path, TextSpan firstAt) =>
        Error(DuplicateAttributeCode, $"attribute '{Shown(path)}' already defined at {new SourceLocation(source, firstAt)}", source, span)
            .WithLabel(new SourceLocation(source, firstAt), "first defined here");

    public static Diagnostic DuplicateFormal(SourceText source, TextSpan span, string name) =>
        Error(DuplicateFormalCode, $"duplicate formal function argument '{Shown(name)}'", source, span);

    public static Diagnostic UndefinedVariable(SourceText source, TextSpan span, string name) =>
        Error(UndefinedVariableCode, $"undefined variable '{Shown(name)}'", source, span);

    public static Diagnostic NestingTooDeep(SourceText source, TextSpan span, int limit) =>
        Error(NestingTooDeepCode, $"expression nested too deeply (more than {limit} levels)", source, span)
            .WithNote("the rest of the file was not parsed");

    public static Diagnostic InvalidInteger(SourceText source, TextSpan span, string text) =>
        Error(InvalidIntegerCode, $"invalid integer '{Shown(text)}': it does not fit in 64 bits", source, span);

    public static Diagnostic UnsupportedOperator(SourceText source, TextSpan span, string op) =>
        Error(UnsupportedOperatorCode, $"the operator '{op}' is not supported (it needs a newer Nix)", source, span);

    public static Diagnostic UnmatchedClosingDelimiter(SourceText source, TextSpan span, string delimiter) =>
        Error(UnmatchedClosingDelimiterCode, $"unexpected '{delimiter}': nothing to close here", source, span);

    /// <summary>A dynamic attribute among the names of an <c>inherit</c>, in Nix's words.</summary>
    public static Diagnostic DynamicAttributeInInherit(SourceText source, TextSpan span) =>
        Error(DynamicAttributeNotAllowedCode, "dynamic attributes not allowed in inherit", source, span);

    /// <summary>A dynamic attribute among a <c>let</c>'s bindings, in Nix's words.</summary>
    public static Diagnostic DynamicAttributeInLet(SourceText source, TextSpan span) =>
        Error(DynamicAttributeNotAllowedCode, "dynamic attributes not allowed in let", source, span);

    public static Diagnostic NonAssociativeOperator(SourceText source, TextSpan span, string op) =>
        Error(NonAssociativeOperatorCode, $"operator '{op}' cannot be chained; add parentheses", source, span);

    /// <summary>The most characters of a name or path quoted in a message.</summary>
    public const int MaxShownLength = 80;

    /// <summary>A name, path or number from the source as a message quotes it: cut after
    /// <see cref="MaxShownLength"/> characters, so that a message stays one line whatever the input.</summary>
    public static string Shown(string text) =>
        text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), SourceExcerpt.Ellipsis);

    private static Diagnostic Error(string code, string message, SourceText source, TextSpan span) =>
        Diagnostic.Error(code, message, new SourceLocation(source, span));
}
