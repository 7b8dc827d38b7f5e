using ConfigLang.Evaluator.Runtime.Builtins;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// Everything evaluation reads from the outside world, made explicit so tests (and hosts) can
/// run several evaluations side by side: the working directory, the environment variables
/// (<c>getEnv</c>, <c>NIX_PATH</c>, <c>HOME</c>), <c>-I</c> entries, where traces go, and the
/// providers that add native builtins.
/// </summary>
public sealed record EvaluatorOptions
{
    /// <summary>Relative file names and <c>-E</c> expressions resolve against this directory.</summary>
    public string CurrentDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>The environment variables the program sees.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = ReadProcessEnvironment();

    /// <summary><c>-I</c> entries, in order; they come before <c>NIX_PATH</c>.</summary>
    public IReadOnlyList<string> SearchPath { get; init; } = [];

    /// <summary>
    /// <c>prefix=path</c> entries the host needs for its own library (<c>&lt;configlang/lib&gt;</c>):
    /// <c>&lt;…&gt;</c> lookups try them after the user's search path, and <c>builtins.nixPath</c>
    /// does not show them, so it stays what <c>nix-instantiate</c> shows.
    /// </summary>
    public IReadOnlyList<string> LibrarySearchPath { get; init; } = [];

    /// <summary>Where <c>builtins.trace</c> and <c>warn</c> write (standard error for the CLI).</summary>
    public TextWriter? TraceWriter { get; init; }

    public string CurrentSystem { get; init; } = "x86_64-linux";

    /// <summary>Literals that newer Nix versions can reject (<c>--lint-url-literals fatal</c> and the like).</summary>
    public LiteralLints Lints { get; init; }

    /// <summary>Nix's experimental features turned on (<c>--extra-experimental-features</c>): <c>parse-toml-timestamps</c>.</summary>
    public IReadOnlySet<string> ExperimentalFeatures { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Literals reported on standard error but accepted (<c>--lint-url-literals warn</c> and the like).</summary>
    public LiteralLints LintWarnings { get; init; }

    /// <summary>How deeply function calls may nest before evaluation stops with
    /// <c>stack overflow (possible infinite recursion)</c>. Nix 2.8 takes a plain recursion 120,000
    /// deep and nixpkgs' <c>lib.foldr</c> over 40,000 elements (two calls a level here). Deeper is
    /// not free here: every collection scans the whole stack, so a runaway recursion that allocates
    /// takes the square of the depth to fail (3 s at 50,000, 23 s at 150,000; Nix 2.8 about 3 s).</summary>
    public int MaxCallDepth { get; init; } = 50_000;

    /// <summary>How many bytes the evaluation's own store may hold (<c>toFile</c> contents, .drv files,
    /// paths copied by <c>"${./dir}"</c>): the program decides what goes in, so it is bounded.</summary>
    public long MaxStoreBytes { get; init; } = DefaultMaxStoreBytes;

    public const long DefaultMaxStoreBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The folders whose files the program may look at (import, readFile, readDir, pathExists, copies
    /// to the store…), symlinks resolved before judging; any other file is an error
    /// (<see cref="EvaluationDiagnostics.PathForbidden"/>), as in Nix's restricted mode. Null: any file.
    /// </summary>
    public IReadOnlyList<string>? AllowedPaths { get; init; }

    /// <summary>Said after the allowed folders when a file is refused: how the host lets more through.</summary>
    public string? AllowedPathsHint { get; init; }

    /// <summary>Hosts adding builtins natively (the module layer's <c>lib</c>).</summary>
    public IReadOnlyList<IBuiltinProvider> BuiltinProviders { get; init; } = [];

    public string? Home => EnvironmentVariables.TryGetValue("HOME", out var home) ? home : null;

    public static IReadOnlyDictionary<string, string> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? "";
        }
        return result;
    }
}
