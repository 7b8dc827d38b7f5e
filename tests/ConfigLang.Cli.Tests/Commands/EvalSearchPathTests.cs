namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>configlang eval</c> run as a separate process, as a user or the Nix language corpus's own
/// harness runs <c>nix-instantiate --eval</c>: <c>builtins.nixPath</c> holds only the user's
/// <c>-I</c> and <c>NIX_PATH</c> entries, yet ConfigLang's lib stays reachable. (The corpus's
/// eval-okay-search-path runs through the binary with every other case: EvalCorpusThroughBinaryTests.)
/// </summary>
public sealed class EvalSearchPathTests
{
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
}
