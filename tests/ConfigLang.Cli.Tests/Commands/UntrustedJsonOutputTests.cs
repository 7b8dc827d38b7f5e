using System.Text.Json;
using ConfigLang.Cli.Tests.Support;
using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>
/// <c>show --json</c> and <c>options --json</c> print JSON whose strings the configuration wrote: DEL, a C1
/// control (U+009B starts an escape sequence on some terminals) and a bidi override appear as <c>\u</c>
/// escapes, and the JSON parses to the same values.
/// </summary>
public sealed class UntrustedJsonOutputTests : IDisposable
{
    // DEL, CSI (C1) and a right-to-left override, each of which JsonPrinter left raw.
    private const string Hostile = "a\u007fb\u009b2Jc\u202ed";

    private readonly ScratchFolder _folder = new("configlang-untrusted-json-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Show_json_escapes_them_and_keeps_the_value()
    {
        var file = _folder.Write("s.nix", $$"""{ security.acme.acceptTerms = true; security.acme.defaults.email = "{{Hostile}}"; }""" + "\n");
        var run = CliRun.Invoke("show", file, "security.acme.defaults.email", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.DoesNotContain(run.Stdout, TerminalText.IsEscaped);
        Assert.Contains("a\\u007fb\\u009b2Jc\\u202ed", run.Stdout);
        Assert.Equal(Hostile, JsonDocument.Parse(run.Stdout).RootElement.GetString());
    }

    [Fact]
    public void Options_json_escapes_them_and_keeps_the_value()
    {
        var module = _folder.Write("m.nix", $$"""
            { lib, ... }: { options.my.odd = lib.mkOption { type = lib.types.str; default = "d"; description = "{{Hostile}}"; }; }
            """);
        var run = CliRun.Invoke("options", "my.odd", "--json", "--module", module);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        Assert.DoesNotContain(run.Stdout, TerminalText.IsEscaped);
        var option = JsonDocument.Parse(run.Stdout).RootElement[0];
        Assert.Contains(option.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == Hostile);
    }
}
