namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// The catalogue of evaluation error codes (<c>CL1xxx</c>). Codes are stable: scripts and tests
/// may match them. Messages themselves follow Nix's wording.
/// </summary>
public static class EvaluationDiagnostics
{
    /// <summary>Anything without a more specific code.</summary>
    public const string General = "CL1000";
    // CL1001 (undefined variable) is retired: the mistake is CL0015 whether the parse-time
    // checks or evaluation find it (SyntaxDiagnostics.UndefinedVariableCode).
    /// <summary><c>value is a set while a list was expected</c> and the like.</summary>
    public const string TypeMismatch = "CL1002";
    /// <summary><c>infinite recursion encountered</c></summary>
    public const string InfiniteRecursion = "CL1003";
    /// <summary><c>stack overflow (possible infinite recursion)</c></summary>
    public const string StackOverflow = "CL1004";
    /// <summary><c>throw</c> was called.</summary>
    public const string Thrown = "CL1005";
    /// <summary>An <c>assert</c> failed.</summary>
    public const string AssertionFailed = "CL1006";
    /// <summary><c>abort</c> was called.</summary>
    public const string Aborted = "CL1007";
    /// <summary><c>attribute 'x' missing</c></summary>
    public const string MissingAttribute = "CL1008";
    /// <summary><c>division by zero</c></summary>
    public const string DivisionByZero = "CL1009";
    /// <summary>Integer overflow in arithmetic.</summary>
    public const string IntegerOverflow = "CL1010";
    /// <summary>A function called with unexpected or without required arguments.</summary>
    public const string BadArguments = "CL1011";
    /// <summary>A file or directory could not be read.</summary>
    public const string FileSystem = "CL1012";
    /// <summary>A feature that needs a Nix store or a newer Nix.</summary>
    public const string Unsupported = "CL1013";
    // CL1014 (attribute already defined) is retired: the mistake is CL0013, found before
    // evaluation or, for a dynamic name, during it (SyntaxDiagnostics.DuplicateAttributeCode).
    /// <summary>An invalid regular expression.</summary>
    public const string InvalidRegex = "CL1015";
    /// <summary>Invalid JSON or TOML input, or a value with no JSON form.</summary>
    public const string Serialization = "CL1016";
    /// <summary>A list index or substring range out of bounds.</summary>
    public const string OutOfBounds = "CL1017";
    /// <summary>A syntax error in an imported file or <c>--arg</c> expression.</summary>
    public const string Syntax = "CL1018";
    /// <summary>Evaluation needed more memory than the limit (<c>--max-memory</c>).</summary>
    public const string MemoryLimit = "CL1019";
    /// <summary>The evaluation's own store would grow past its limit (<see cref="EvaluatorOptions.MaxStoreBytes"/>).</summary>
    public const string StoreLimit = "CL1020";
    /// <summary>A string that refers to a store path where a plain name is needed (an attribute name, <c>getEnv</c>…).</summary>
    public const string StringContextNotAllowed = "CL1021";
    /// <summary>A file outside <see cref="EvaluatorOptions.AllowedPaths"/> (restricted mode, as <c>lint</c> evaluates).</summary>
    public const string PathForbidden = "CL1022";
}
