using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// <see cref="EvaluatorOptions.AllowedPaths"/>: files under an allowed folder are read as usual,
/// any other is <see cref="EvaluationDiagnostics.PathForbidden"/> at the expression that asked, for
/// every way of looking (a probe too), judged where its symlinks lead; the evaluation's own store stays readable.
/// </summary>
public sealed class AllowedPathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("configlang-allowed-").FullName;
    private readonly string _repo;
    private readonly string _outside;

    public AllowedPathsTests()
    {
        _repo = Directory.CreateDirectory(Path.Combine(_root, "repo")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        File.WriteAllText(Path.Combine(_repo, "inside.txt"), "inside");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "s3cret");
        File.WriteAllText(Path.Combine(_outside, "secret.nix"), "\"s3cret\"");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private EvaluatorOptions Restricted(params string[] extra) => new()
    {
        CurrentDirectory = _repo,
        EnvironmentVariables = new Dictionary<string, string>(),
        AllowedPaths = [_repo, .. extra],
        AllowedPathsHint = "HINT",
    };

    private EvaluationResult Run(string expression, EvaluatorOptions options) => Evaluate.Run(expression, options);

    private void AssertRefused(string expression, string path)
    {
        var result = Run(expression, Restricted());
        Assert.False(result.Succeeded, "expected a refusal, got " + result.Stdout);
        Assert.Equal(EvaluationDiagnostics.PathForbidden, result.Error!.Code);
        Assert.Contains($"access to absolute path '{path}' is forbidden in restricted mode", result.Error.Message);
        Assert.Contains($"'{_repo}'", result.Error.Message);
        Assert.Contains("HINT", result.Error.Message);
        Assert.NotNull(result.Error.Location);
        Assert.DoesNotContain("s3cret", result.Stderr + result.Stdout);
    }

    [Fact]
    public void A_file_under_an_allowed_folder_is_read()
    {
        Assert.Equal("\"inside\"", Evaluate.Value("builtins.readFile ./inside.txt", Restricted()));
    }

    [Theory]
    [InlineData("builtins.readFile {0}/secret.txt")]
    [InlineData("import {0}/secret.nix")]
    [InlineData("builtins.pathExists {0}/secret.txt")]
    [InlineData("builtins.pathExists {0}/missing.txt")]
    [InlineData("builtins.readFileType {0}/secret.txt")]
    [InlineData("builtins.hashFile \"sha256\" {0}/secret.txt")]
    [InlineData("\"${{{0}/secret.txt}}\"")]
    [InlineData("builtins.path {{ path = {0}/secret.txt; }}")]
    public void Every_way_of_looking_at_a_file_outside_is_refused(string template)
    {
        var path = template.Contains("missing") ? _outside + "/missing.txt" : _outside + "/secret.txt";
        if (template.Contains("secret.nix")) path = _outside + "/secret.nix";
        AssertRefused(string.Format(template, _outside), path);
    }

    [Fact]
    public void Reading_a_folder_outside_is_refused()
    {
        AssertRefused($"builtins.readDir {_outside}", _outside);
    }

    [Fact]
    public void A_symlink_inside_leading_outside_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_repo, "link.txt"), Path.Combine(_outside, "secret.txt"));

        AssertRefused("builtins.readFile ./link.txt", _repo + "/link.txt");
        // A refused probe must not tell where a link leads (think /proc/self/cwd).
        Assert.DoesNotContain(_outside, Run("builtins.readFile ./link.txt", Restricted()).Error!.Message);
    }

    [Fact]
    public void A_symlinked_folder_inside_leading_outside_is_refused_for_its_files()
    {
        Directory.CreateSymbolicLink(Path.Combine(_repo, "dir"), _outside);

        AssertRefused("builtins.readFile ./dir/secret.txt", _repo + "/dir/secret.txt");
    }

    [Fact]
    public void Dot_dot_after_a_symlink_goes_up_from_where_it_leads()
    {
        // repo/up -> outside/sub, so repo/up/.. is outside itself, not repo: the path given is judged as the system resolves it.
        var sub = Directory.CreateDirectory(Path.Combine(_outside, "sub")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_repo, "up"), sub);
        File.CreateSymbolicLink(Path.Combine(_repo, "hop"), "up/../secret.txt");

        AssertRefused("builtins.readFile ./hop", _repo + "/hop");
    }

    [Fact]
    public void Nothing_in_a_git_folder_under_a_root_is_readable()
    {
        // .git/config may hold the CI job's token (persisted checkout credentials).
        var git = Directory.CreateDirectory(Path.Combine(_repo, ".git")).FullName;
        File.WriteAllText(Path.Combine(git, "config"), "s3cret");
        File.CreateSymbolicLink(Path.Combine(_repo, "cfg"), ".git/config");

        AssertRefused("builtins.readFile ./.git/config", _repo + "/.git/config");
        AssertRefused("builtins.pathExists ./.git/config", _repo + "/.git/config");
        AssertRefused("builtins.readDir ./.git", _repo + "/.git");
        AssertRefused("builtins.readFile ./cfg", _repo + "/cfg");
    }

    [Fact]
    public void A_copy_of_an_allowed_folder_keeps_a_dangling_or_outward_symlink_as_it_is()
    {
        File.CreateSymbolicLink(Path.Combine(_repo, "result"), "/nonexistent/store/path");
        File.CreateSymbolicLink(Path.Combine(_repo, "out"), Path.Combine(_outside, "secret.txt"));

        Assert.Equal("\"inside\"", Evaluate.Value("builtins.readFile \"${./.}/inside.txt\"", Restricted()));
    }

    [Fact]
    public void A_folder_named_with_allow_is_readable()
    {
        Assert.Equal("\"s3cret\"", Evaluate.Value($"import {_outside}/secret.nix", Restricted(_outside)));
    }

    [Fact]
    public void An_allowed_root_given_through_a_symlink_is_judged_by_where_it_leads()
    {
        var alias = Path.Combine(_root, "alias");
        Directory.CreateSymbolicLink(alias, _outside);

        Assert.Equal("\"s3cret\"", Evaluate.Value($"builtins.readFile {_outside}/secret.txt", Restricted(alias)));
    }

    [Fact]
    public void A_sibling_folder_sharing_the_prefix_is_not_under_the_root()
    {
        var sibling = Directory.CreateDirectory(_repo + "-sibling").FullName;
        File.WriteAllText(Path.Combine(sibling, "secret.txt"), "s3cret");

        AssertRefused($"builtins.readFile {sibling}/secret.txt", sibling + "/secret.txt");
    }

    [Fact]
    public void The_evaluations_own_store_stays_readable()
    {
        Assert.Equal("\"made\"", Evaluate.Value("builtins.readFile (builtins.toFile \"x\" \"made\")", Restricted()));
        Assert.Equal("\"inside\"", Evaluate.Value("builtins.readFile \"${./inside.txt}\"", Restricted()));
    }

    [Fact]
    public void A_search_path_entry_given_by_the_host_is_readable()
    {
        // -I comes from the trusted command line: as in Nix's restricted mode, its folder is allowed.
        var options = Restricted() with { SearchPath = ["secrets=" + _outside, "nixpkgs=https://example.org/x.tar.gz"] };

        Assert.Equal("\"s3cret\"", Evaluate.Value("builtins.readFile <secrets/secret.txt>", options));
    }

    [Fact]
    public void A_nix_path_entry_outside_is_passed_over()
    {
        var options = Restricted() with { EnvironmentVariables = new Dictionary<string, string> { ["NIX_PATH"] = "secrets=" + _outside } };

        var result = Run("builtins.readFile <secrets/secret.txt>", options);

        Assert.False(result.Succeeded);
        Assert.Contains("was not found in the Nix search path", result.Error!.Message);
    }

    [Fact]
    public void The_hosts_library_search_path_stays_readable()
    {
        var options = Restricted() with { LibrarySearchPath = ["lib=" + _outside] };

        Assert.Equal("\"s3cret\"", Evaluate.Value("import <lib/secret.nix>", options));
    }

    [Fact]
    public void Without_allowed_paths_every_file_is_read()
    {
        var options = Restricted() with { AllowedPaths = null };

        Assert.Equal("\"s3cret\"", Evaluate.Value($"builtins.readFile {_outside}/secret.txt", options));
    }
}
