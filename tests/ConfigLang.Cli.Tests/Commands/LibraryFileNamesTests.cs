using System.Text.Json;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// ConfigLang's own library is unpacked to a folder that depends on the machine
/// (<c>/tmp/configlang-lib-HASH</c>); every output names its files as <c>show</c> does,
/// <c>&lt;configlang/…&gt;</c>: lint in every format, <c>options</c>, and evaluation traces. What the
/// language itself sees (<c>unsafeGetAttrPos</c>) stays the real file, as Nix gives it.
/// </summary>
public sealed class LibraryFileNamesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("configlang-library-names-").FullName;
    private readonly string _host;

    public LibraryFileNamesTests()
    {
        // lib.optionalString given an integer fails inside the library's own code.
        _host = Path.Combine(_folder, "host.nix");
        File.WriteAllText(_host, """
            { config, lib, ... }: {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@example.org" + lib.optionalString 1 "x";
                defaults.webroot = "/var/lib/acme/acme-challenge";
                certs."example.org" = { };
              };
            }

            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Unpacked => LibraryFiles.Directory.TrimEnd('/');

    // Lint points at the user's definition the failing value comes from, and names the place in
    // the library where the error was raised in a note.
    [Fact]
    public void Lint_text_names_the_library_file_where_the_error_was_raised()
    {
        var run = CliRun.Invoke("lint", _host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("host.nix:4:14", run.Stderr);
        Assert.Contains("= note: raised in <configlang/lib/default.nix>:", run.Stderr);
        Assert.DoesNotContain(Unpacked, run.Stderr);
    }

    [Fact]
    public void Lint_json_names_the_library_file_the_same_way()
    {
        var run = CliRun.Invoke("lint", "--format", "json", _host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.EndsWith("host.nix", diagnostic.GetProperty("file").GetString());
        Assert.StartsWith("raised in <configlang/lib/default.nix>:", diagnostic.GetProperty("notes")[0].GetProperty("message").GetString());
        Assert.DoesNotContain(Unpacked, run.Stdout);
    }

    [Fact]
    public void Lint_sarif_names_the_library_file_not_a_path_of_this_machine()
    {
        var run = CliRun.Invoke("lint", "--format", "sarif", _host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var result = Assert.Single(document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Contains("raised in <configlang/lib/default.nix>:", result.GetProperty("message").GetProperty("text").GetString());
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.EndsWith("host.nix", artifact.GetProperty("uri").GetString());
        Assert.DoesNotContain(Unpacked, run.Stdout);
    }

    [Fact]
    public void Options_name_where_an_option_is_declared_as_show_does()
    {
        var json = CliRun.Invoke("options", "security.acme.defaults.email", "--json");
        var text = CliRun.Invoke("options", "security.acme.defaults.email");

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var declarations = Assert.Single(document.RootElement.EnumerateArray()).GetProperty("declarations");
        Assert.Equal("<configlang/modules/security/acme.nix>", Assert.Single(declarations.EnumerateArray()).GetString());
        Assert.Contains("declared in: <configlang/modules/security/acme.nix>", text.Stdout);
        Assert.DoesNotContain(Unpacked, json.Stdout + text.Stdout);
    }

    [Fact]
    public void An_evaluation_trace_through_the_library_names_its_frames_by_the_library_name()
    {
        var run = CliRun.Invoke("eval", "--strict", "--show-trace", "-E", "let lib = import <configlang/lib>; in lib.optionalString 1 \"x\"");

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("at <configlang/lib/default.nix>:", run.Stderr);
        Assert.Contains("… while evaluating anonymous lambda\n\n       at <configlang/lib/default.nix>:", run.Stderr);
        Assert.DoesNotContain(Unpacked, run.Stderr);
    }

    // The module system's own frames and messages name the files of definitions and declarations.
    private const string NginxFailsHost = "let lib = import <configlang/lib>; in builtins.attrNames " +
        "(lib.evalModules { modules = lib.configlang.builtinModules ++ [ { services.nginx.enable = throw \"nginx boom\"; } ]; }).config.users.users";

    [Fact]
    public void A_trace_through_a_definition_of_the_library_names_its_module_by_the_library_name()
    {
        var run = CliRun.Invoke("eval", "--strict", "--show-trace", "-E", NginxFailsHost);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("while evaluating definitions from `<configlang/modules/services/web-servers/nginx.nix>':", run.Stderr);
        Assert.DoesNotContain(Unpacked, run.Stderr);
    }

    [Fact]
    public void Lint_trace_notes_name_the_library_module_of_a_failing_definition()
    {
        var host = Path.Combine(_folder, "nginx.nix");
        File.WriteAllText(host, "{ services.nginx.enable = throw \"nginx boom\"; }\n");

        var run = CliRun.Invoke("lint", "--show-trace", "--format", "json", host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("while evaluating definitions from `<configlang/modules/", run.Stdout);
        Assert.DoesNotContain(Unpacked, run.Stdout);
    }

    [Fact]
    public void A_declaration_clash_with_the_library_names_the_library_file()
    {
        var module = Path.Combine(_folder, "declares.nix");
        File.WriteAllText(module, """
            { lib, ... }: {
              options.security.acme.acceptTerms = lib.mkOption { type = lib.types.bool; description = "mine"; };
            }

            """);

        var run = CliRun.Invoke("eval", "--strict", "-E",
            $"let lib = import <configlang/lib>; in (lib.evalModules {{ modules = lib.configlang.builtinModules ++ [ {module} ]; }}).config.security.acme.acceptTerms");

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains($"The option `security.acme.acceptTerms' in `<configlang/modules/security/acme.nix>' is already declared in `{module}'.", run.Stderr);
        Assert.DoesNotContain(Unpacked, run.Stderr);
    }

    [Fact]
    public void Positions_the_language_sees_keep_the_real_file_as_in_Nix()
    {
        var run = CliRun.Invoke("eval", "--json", "-E", "(builtins.unsafeGetAttrPos \"optionalString\" (import <configlang/lib>)).file");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal($"\"{Unpacked}/lib/default.nix\"", run.Stdout.Trim());
    }
}
