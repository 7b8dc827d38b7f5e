using System.Text.Json;
using ConfigLang.Cli.Commands;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Tests.Support;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// What lint, show and options print from input-controlled text is bounded (see
/// <see cref="PrintedTextBounds"/> and <see cref="DiagnosticCap"/>): 83 bytes of input made lint print
/// 30,000,331 bytes. Exit codes and the summary counts stay those of the whole run.
/// </summary>
public sealed class OutputBoundsTests : IDisposable
{
    // concatStringsSep over genList makes a 30,000,000-byte string from a line of input.
    private const string Huge = """builtins.concatStringsSep "" (builtins.genList (x: "xxxxxxxxxx") 3000000)""";

    private readonly ScratchFolder _folder = new("configlang-bounds-");

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text) => _folder.Write(name, text);

    [Fact]
    public void Lint_quotes_a_huge_undefined_option_value_cut_with_the_count_of_what_it_left_out()
    {
        var file = Write("amp.nix", $"{{ a = {Huge}; }}");

        var run = CliRun.Invoke("lint", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("error[CL2002]: The option `a' does not exist.", run.Stderr);
        // The message quotes the 30,000,002-byte value; its first 61 KiB and last 4 KiB are shown, so the
        // advice after the value still prints.
        Assert.Matches(@"xxxx… \(29,93\d,\d{3} more bytes\)xxxx", run.Stderr);
        Assert.Contains("Did you mean", run.Stderr);
        Assert.EndsWith("1 error, 0 warnings\n", run.Stderr);
        Assert.True(run.Stderr.Length < PrintedTextBounds.MaxMessageBytes + 1_000, $"{run.Stderr.Length} characters");
    }

    [Fact]
    public void Lint_json_cuts_the_message_the_same_and_keeps_its_shape_and_counts()
    {
        var file = Write("amp.nix", $"{{ a = {Huge}; }}");

        var run = CliRun.Invoke("lint", "--format", "json", file);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.True(run.Stdout.Length < PrintedTextBounds.MaxMessageBytes + 1_000, $"{run.Stdout.Length} characters");
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal(["diagnostics", "errors", "warnings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        var message = Assert.Single(root.GetProperty("diagnostics").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.Matches(@"xxxx… \(29,93\d,\d{3} more bytes\)xxxx", message);
        Assert.Contains("Did you mean", message);
    }

    [Fact]
    public void Lint_of_thousands_of_warnings_and_a_huge_assertion_message_is_bounded_in_every_format()
    {
        var file = Write("many.nix", $$"""
            let big = {{Huge}}; in
            { warnings = builtins.genList (i: "warning ${toString i}") 5000; assertions = [ { assertion = false; message = big; } ]; }
            """);

        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var run = CliRun.Invoke("lint", "--format", format, file);

            Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
            var output = format == "text" ? run.Stderr : run.Stdout;
            Assert.True(output.Length < 200_000, $"{format}: {output.Length} characters");
            Assert.Contains("more bytes)", output);
            Assert.Contains("and 4,901 more diagnostics in", output);
            if (format is "text" or "github") Assert.EndsWith("1 error, 5000 warnings\n", output);
            if (format == "json") Assert.Equal(5000, JsonDocument.Parse(output).RootElement.GetProperty("warnings").GetInt32());
        }
    }

    [Fact]
    public void Show_cuts_a_huge_throw_message_and_its_traces()
    {
        var file = Write("throw.nix", $$"""
            { security.acme.acceptTerms = builtins.deepSeq (builtins.genList (i: builtins.trace "trace line ${toString i}" i) 200000) (throw ({{Huge}})); }
            """);

        var run = CliRun.Invoke("show", file, "security.acme.acceptTerms");

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("trace: trace line 0\n", run.Stderr);
        // 30,000,000 bytes: 61,413 of its start, the 27-byte marker, 4,096 of its end.
        Assert.Contains("xxxx… (29,934,491 more bytes)xxxx", run.Stderr);
        Assert.True(run.Stderr.Length < PrintedTextBounds.MaxTraceBytes + PrintedTextBounds.MaxMessageBytes + 10_000, $"{run.Stderr.Length} characters");
    }

    [Fact]
    public void Options_cuts_a_huge_description_in_text_and_markdown()
    {
        var module = Write("docs.nix", $$"""
            { lib, ... }: { options.my.big = lib.mkOption { type = lib.types.str; default = "d"; description = {{Huge}}; }; }
            """);

        foreach (var form in new[] { "text", "markdown" })
        {
            var run = form == "markdown" ? CliRun.Invoke("options", "my.big", "--markdown", "--module", module) : CliRun.Invoke("options", "my.big", "--module", module);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("xxxx… (29,934,464 more bytes)", run.Stdout);
            Assert.True(run.Stdout.Length < PrintedTextBounds.MaxMessageBytes + 1_000, $"{form}: {run.Stdout.Length} characters");
        }
    }

    [Fact]
    public void Options_text_bounds_a_description_of_many_short_lines_as_indented()
    {
        // 100,000 one-character lines: 199,999 bytes, and four more a line once indented under "description:".
        var module = Write("lines.nix", """
            { lib, ... }: { options.my.lines = lib.mkOption { type = lib.types.str; default = "d"; description = lib.concatStringsSep "\n" (builtins.genList (x: "d") 100000); }; }
            """);

        var run = CliRun.Invoke("options", "my.lines", "--module", module);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\n    d\n    d\n", run.Stdout);
        Assert.Contains("… (534,459 more bytes)\n  declared in: ", run.Stdout);
        Assert.True(run.Stdout.Length < PrintedTextBounds.MaxMessageBytes + 1_000, $"{run.Stdout.Length} characters");
    }

    // acceptTerms is a bool, defined as a 100 KB string: "Definition values:" quotes the string.
    private const string TermsAsBigString = """
        { security.acme.acceptTerms = builtins.concatStringsSep "" (builtins.genList (x: "x") 100000); }
        """;

    [Fact]
    public void Eval_prints_a_module_error_quoting_a_big_value_whole_as_Nix_does()
    {
        var host = Write("terms.nix", TermsAsBigString);

        var run = CliRun.Invoke("eval", "--strict", "-E",
            $"let lib = import <configlang/lib>; in (lib.evalModules {{ modules = lib.configlang.builtinModules ++ [ {host} ]; }}).config.security.acme.acceptTerms");

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("is not of type `boolean'", run.Stderr);
        Assert.Contains("\"" + new string('x', 100_000) + "\"", run.Stderr);
        Assert.DoesNotContain("more bytes)", run.Stderr);
    }

    [Fact]
    public void Show_cuts_the_same_module_error_where_it_prints_it()
    {
        var host = Write("terms.nix", TermsAsBigString);

        var run = CliRun.Invoke("show", host, "security.acme.acceptTerms");

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("is not of type `boolean'", run.Stderr);
        Assert.Matches(@"x… \([\d,]+ more bytes\)", run.Stderr);
        Assert.True(run.Stderr.Length < PrintedTextBounds.MaxMessageBytes + 4_000, $"{run.Stderr.Length} characters");
    }

    [Fact]
    public void Show_trace_cuts_a_frame_naming_a_huge_attribute()
    {
        // Each frame through the certificate's name quoted all of it: 3 MB per frame.
        var host = Write("names.nix", """
            { security.acme.certs."${builtins.concatStringsSep "" (builtins.genList (x: "y") 3000000)}".email = throw "a"; }
            """);

        var run = CliRun.Invoke("show", "--show-trace", host, "security.acme.certs");

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        Assert.Contains("… while evaluating the option `security.acme.certs'", run.Stderr);
        Assert.Matches(@"y… \([\d,]+ more bytes\)", run.Stderr);
        Assert.True(run.Stderr.Length < 200_000, $"{run.Stderr.Length} characters");
    }

    [Fact]
    public void Options_text_and_markdown_stop_at_a_run_wide_size_and_count_the_options_left_out()
    {
        // 1,000 options sharing one 20 KB description: 20 MB of documentation.
        var module = Write("many.nix", """
            { lib, ... }: let big = builtins.concatStringsSep "" (builtins.genList (x: "d") 20000); in {
              options.gen = builtins.listToAttrs (builtins.genList (i: { name = "o${toString i}"; value = lib.mkOption { type = lib.types.str; default = "d"; description = big; }; }) 1000);
            }
            """);

        foreach (var form in new[] { "text", "markdown" })
        {
            var run = form == "markdown" ? CliRun.Invoke("options", "gen", "--markdown", "--module", module) : CliRun.Invoke("options", "gen", "--module", module);

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.True(run.Stdout.Length <= OptionsCommand.MaxDocumentBytes, $"{form}: {run.Stdout.Length} characters");
            Assert.Matches(@"\n… and \d{3} more options not shown \(at most 16 MiB is printed; --json prints them all\)\n$", run.Stdout);
        }
    }

    [Fact]
    public void Lint_show_trace_prints_a_deep_recursion_as_one_note_per_run_of_equal_frames()
    {
        var host = Write("host.nix", """
            { lib, ... }:
            let f = n: if n == 0 then throw "bottom" else f (n - 1); in
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = f 3000;
              security.acme.certs."a.example" = { };
            }
            """);

        var run = CliRun.Invoke("lint", "--show-trace", host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        // 3,000 calls from `f (n - 1)`, one from the email's line: two runs, not a hundred equal notes and a count.
        Assert.Contains("while evaluating 'f' (2999 duplicate frames omitted)\n", run.Stderr);
        Assert.Equal(2, run.Stderr.Split("while evaluating 'f'").Length - 1);
        Assert.DoesNotContain("more notes not shown", run.Stderr);
    }

    [Fact]
    public void Lint_show_trace_of_more_distinct_frames_than_notes_counts_the_frames_not_the_notes()
    {
        // 300 functions, each calling the next: 300 distinct frames, where lint prints at most 100 notes.
        var chain = string.Concat(Enumerable.Range(1, 300).Select(i => $"  f{i} = x: f{i - 1} x;\n"));
        var host = Write("host.nix", $$"""
            { lib, ... }:
            let
              f0 = x: throw "bottom";
            {{chain}}in
            {
              security.acme.acceptTerms = true;
              security.acme.defaults.email = f300 1;
              security.acme.certs."a.example" = { };
            }
            """);

        var run = CliRun.Invoke("lint", "--show-trace", host);

        Assert.Equal(ExitCodes.InputErrors, run.ExitCode);
        // The frames past the first runs are counted once, in the last of the diagnostic's 100 notes.
        Assert.Matches(@"and [\d,]+ more frames not shown", run.Stderr);
        Assert.DoesNotContain("more notes not shown", run.Stderr);
    }
}
