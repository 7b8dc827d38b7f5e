namespace ConfigLang.Cli.Tests.Commands;

/// <summary><c>configlang show</c> and <c>configlang options</c> over a small host configuration.</summary>
public sealed class ShowAndOptionsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("configlang-show-").FullName;
    private readonly string _host;

    public ShowAndOptionsCommandTests()
    {
        _host = Path.Combine(_folder, "host.nix");
        File.WriteAllText(_host, """
            { lib, ... }:
            {
              options.certs = lib.mkOption {
                description = "Certificates to obtain.";
                type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
                  options.domain = lib.mkOption { type = lib.types.str; default = name; };
                  options.group = lib.mkOption { type = lib.types.str; default = "acme"; };
                }));
                default = { };
              };
              options.unset = lib.mkOption { type = lib.types.int; };
              config.certs."example.org".group = "nginx";
            }
            """);
    }

    [Fact]
    public void Show_prints_every_option_that_is_set_as_json()
    {
        // The built-in library is always included, so the subtree is selected; without a path
        // the library's default `localhost` virtual hosts (nginx, httpd) are shown as well.
        var run = CliRun.Invoke("show", _host, "certs", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"example.org\":{\"domain\":\"example.org\",\"group\":\"nginx\"}}", run.Stdout.Trim());
    }

    [Fact]
    public void Show_selects_a_path_inside_a_submodule_value()
    {
        var run = CliRun.Invoke("show", _host, "certs.\"example.org\".group");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\"nginx\"", run.Stdout.Trim());
    }

    [Fact]
    public void Show_reports_an_unknown_definition_with_exit_code_1()
    {
        var bad = Path.Combine(_folder, "bad.nix");
        File.WriteAllText(bad, "{ config.nope = 1; }");
        var run = CliRun.Invoke("show", bad);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The option `nope' does not exist.", run.Stderr);
    }

    [Fact]
    public void Options_documents_submodule_options_with_their_placeholder()
    {
        var run = CliRun.Invoke("options", "--module", _host, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"name\":\"certs.<name>.group\"", run.Stdout);
        Assert.Contains("\"type\":\"attribute set of (submodule)\"", run.Stdout);
        Assert.Contains("\"description\":\"Certificates to obtain.\"", run.Stdout);
    }

    [Fact]
    public void Options_as_markdown_has_one_heading_per_option()
    {
        var run = CliRun.Invoke("options", "--module", _host, "--markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("## certs.<name>.domain", run.Stdout);
        Assert.Contains("*Type:* signed integer", run.Stdout);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
