namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// A pattern that is not a POSIX extended regular expression as Nix 2.8 (libstdc++'s <c>std::regex::extended</c>)
/// reads it, or one whose program would exceed the engine's size limit. Nix names only the pattern in either case.
/// </summary>
public sealed class InvalidPosixPatternException(string detail, bool exceedsMemoryLimit = false) : ArgumentException(detail)
{
    /// <summary>The pattern is valid but unfolds into more states than allowed (Nix: "memory limit exceeded by regular expression").</summary>
    public bool ExceedsMemoryLimit { get; } = exceedsMemoryLimit;
}
