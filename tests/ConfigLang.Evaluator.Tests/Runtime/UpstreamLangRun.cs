namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// How upstream's harness (NixOS/nix tests/functional/lang.sh) runs one eval case of the corpus:
/// the <c>nix-instantiate</c> arguments, the environment and the folder it runs in. The CLI
/// corpus test passes these to <c>configlang eval</c> unchanged.
/// </summary>
/// <param name="Name">The case, e.g. <c>eval-okay-search-path</c>.</param>
/// <param name="Arguments">What follows <c>nix-instantiate</c>: for eval-fail the whole <c>.flags</c>
/// file without comments (or <c>--eval --strict --show-trace</c>), for an <c>.exp.xml</c> case
/// <c>--eval --xml --no-location --strict</c>, else the first line of <c>.flags</c> then
/// <c>--eval --strict</c>; the file <c>lang/NAME.nix</c> last.</param>
/// <param name="Environment">TEST_VAR=foo always; NIX_PATH and HOME for the eval-okay cases lang.sh sets them on.</param>
/// <param name="Root">The current directory: the corpus, or its copy with the symlinks restored.</param>
public sealed record UpstreamLangRun(string Name, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string Root)
{
    public bool Okay => Name.StartsWith("eval-okay-", StringComparison.Ordinal);

    /// <summary>The expected standard output (<c>.exp</c> or <c>.exp.xml</c>); null for eval-fail.</summary>
    public string? ExpectedStdout => Okay ? File.ReadAllText(Path.Combine(EvalCorpusRunner.LangDirectory, Name + (IsXml(Name) ? ".exp.xml" : ".exp"))) : null;

    /// <summary>The expected standard error of an eval-okay case (empty without <c>.err.exp</c>).</summary>
    public string ExpectedStderr => File.Exists(Path.Combine(EvalCorpusRunner.LangDirectory, Name + ".err.exp"))
        ? File.ReadAllText(Path.Combine(EvalCorpusRunner.LangDirectory, Name + ".err.exp"))
        : "";

    /// <summary>Output as lang.sh compares it: the folder's physical path (and the path it was reached by) written <c>/pwd</c>.</summary>
    public string WithPwd(string output)
    {
        var physical = new DirectoryInfo(Root).ResolveLinkTarget(true)?.FullName ?? Root;
        return output.Replace(physical, "/pwd").Replace(Root, "/pwd");
    }

    public static UpstreamLangRun Of(string name)
    {
        var lang = EvalCorpusRunner.LangDirectory;
        var file = $"lang/{name}.nix";
        var flagsFile = Path.Combine(lang, name + ".flags");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["TEST_VAR"] = "foo" };
        string[] arguments;
        if (!name.StartsWith("eval-okay-", StringComparison.Ordinal))
        {
            // `sed -e 's/#.*//' < NAME.flags`, word-split by the shell.
            var flags = File.Exists(flagsFile)
                ? File.ReadLines(flagsFile).Select(line => line.Split('#')[0]).SelectMany(line => line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                : ["--eval", "--strict", "--show-trace"];
            arguments = [.. flags, file];
        }
        else if (IsXml(name))
        {
            arguments = ["--eval", "--xml", "--no-location", "--strict", file];
        }
        else
        {
            // `read -r -a flags < NAME.flags`: the first line, word-split.
            var flags = File.Exists(flagsFile)
                ? File.ReadLines(flagsFile).FirstOrDefault()?.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries) ?? []
                : [];
            arguments = [.. flags, "--eval", "--strict", file];
            environment["NIX_PATH"] = "lang/dir3:lang/dir4";
            environment["HOME"] = "/fake-home";
        }
        // Cases about symlinks run on a copy with upstream's links restored (see RestoredSymlinkCorpus).
        var root = RestoredSymlinkCorpus.IsNeededBy(Path.Combine(lang, name + ".nix")) ? RestoredSymlinkCorpus.Root : EvalCorpusRunner.CorpusRoot;
        return new UpstreamLangRun(name, arguments, environment, root);
    }

    private static bool IsXml(string name) =>
        name.StartsWith("eval-okay-", StringComparison.Ordinal) && File.Exists(Path.Combine(EvalCorpusRunner.LangDirectory, name + ".exp.xml"));
}
