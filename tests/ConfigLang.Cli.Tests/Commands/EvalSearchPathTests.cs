using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang eval</c> run as a separate process, as a user or the Nix language corpus's own
/// harness runs <c>nix-instantiate --eval</c>: <c>builtins.nixPath</c> holds only the user's
/// <c>-I</c> and <c>NIX_PATH</c> entries, yet ConfigLang's lib stays reachable.
/// </summary>
public sealed class EvalSearchPathTests
{
    private static readonly string CorpusRoot = Path.Combine(RepositoryRoot.Shared, "conformance", "nix-lang");

    [Fact]
    public void NixPath_shows_only_the_users_entries_while_configlang_lib_resolves()
    {
        var environment = new Dictionary<string, string> { ["NIX_PATH"] = "a=/x" };

        var run = CliProcess.Run(environment, "eval", "--strict", "-I", "dir1", "-E",
            "[ builtins.nixPath ((import <configlang/lib>).id 1) ((import <nixpkgs/lib>).id 2) ]");

        Assert.Equal("", run.Stderr);
        Assert.Equal("[ [ { path = \"dir1\"; prefix = \"\"; } { path = \"/x\"; prefix = \"a\"; } ] 1 2 ]\n", run.Stdout);
        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>eval-okay-search-path counts <c>__nixPath</c>'s entries: 3 from its .flags, 2 from NIX_PATH.</summary>
    [CorpusTheory(SharedCorpus.NixLang)]
    [InlineData("eval-okay-search-path")]
    public void Corpus_case_passes_through_the_binary_as_the_upstream_harness_runs_it(string name)
    {
        var lang = Path.Combine(CorpusRoot, "lang");
        var flagsFile = Path.Combine(lang, name + ".flags");
        var flags = File.Exists(flagsFile) ? File.ReadLines(flagsFile).First().Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var environment = new Dictionary<string, string> { ["TEST_VAR"] = "foo", ["NIX_PATH"] = "lang/dir3:lang/dir4", ["HOME"] = "/fake-home" };

        var run = CliProcess.RunIn(CorpusRoot, environment, ["eval", .. flags, "--eval", "--strict", $"lang/{name}.nix"]);

        var errFile = Path.Combine(lang, name + ".err.exp");
        Assert.Equal(File.Exists(errFile) ? File.ReadAllText(errFile) : "", run.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(lang, name + ".exp")).TrimEnd('\n'), run.Stdout.Replace(CorpusRoot, "/pwd").TrimEnd('\n'));
        Assert.Equal(0, run.ExitCode);
    }
}
