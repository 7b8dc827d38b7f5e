namespace ConfigLang.Modules.Diagnostics;

/// <summary>
/// The catalogue of module-system diagnostic codes (<c>CL2xxx</c>). Codes are stable; messages
/// follow NixOS's wording, because that is what users search for.
/// </summary>
public static class ModuleDiagnostics
{
    /// <summary>Anything without a more specific code.</summary>
    public const string General = "CL2000";
    /// <summary><c>The option `x' is defined multiple times while it's expected to be unique.</c></summary>
    public const string NotUnique = "CL2001";
    /// <summary><c>The option `a.b' does not exist.</c></summary>
    public const string UnknownOption = "CL2002";
    /// <summary><c>A definition for option `x' is not of type `…'.</c></summary>
    public const string WrongType = "CL2003";
    /// <summary><c>The option `x' has conflicting definition values</c></summary>
    public const string ConflictingValues = "CL2004";
    /// <summary><c>The option `x' was accessed but has no value defined.</c></summary>
    public const string NoValue = "CL2005";
    /// <summary><c>The option `x' in `f' is already declared in `g'.</c></summary>
    public const string AlreadyDeclared = "CL2006";
    /// <summary><c>The option `x' is read-only, but it's set multiple times.</c></summary>
    public const string ReadOnly = "CL2007";
    /// <summary>A module that has the wrong shape (unsupported attribute, not a set or function, wrong class).</summary>
    public const string MalformedModule = "CL2008";
    /// <summary><c>‘mkIf’ called with a non-Boolean condition</c> and other misuse of properties.</summary>
    public const string BadProperty = "CL2009";
    /// <summary>An option declaration that cannot be a parent of nested options, or is not an option.</summary>
    public const string BadDeclaration = "CL2010";
    /// <summary>A failed assertion of the <c>assertions</c> option.</summary>
    public const string AssertionFailed = "CL2011";
    /// <summary>A message of the <c>warnings</c> option.</summary>
    public const string Warning = "CL2012";
    /// <summary>A removed or renamed option that is still used.</summary>
    public const string RemovedOption = "CL2013";
    /// <summary>A bad argument to a library function (<c>lib.*</c>).</summary>
    public const string LibraryMisuse = "CL2014";
    /// <summary>An attribute name its set's name type refuses (a certificate name that is not a file name).</summary>
    public const string InvalidAttributeName = "CL2015";
}
