using System.CommandLine;
using System.Security.Cryptography;

namespace ConfigLang.Cli.Rendering;

/// <summary>
/// Under GitHub Actions the runner reads every line a step prints as a possible workflow command, so
/// a message a pull request wrote (<c>throw "x\n::error file=y::forged"</c>, <c>::add-mask::</c>) would be
/// obeyed when printed at the start of a line. Around the output of the commands that print such text,
/// <c>::stop-commands::TOKEN</c> first and <c>::TOKEN::</c> last make the runner ignore commands between
/// them; the token is fresh and random, so the text cannot guess it and resume commands early.
/// <c>lint --format github</c> is left alone: its commands are meant to run, and it escapes what it quotes.
/// </summary>
public sealed class WorkflowCommandPause
{
    /// <summary>The environment variable the runner sets to <c>true</c> in every step.</summary>
    public const string EnvironmentVariable = "GITHUB_ACTIONS";

    /// <summary>The commands whose output may carry the configuration's text.</summary>
    private static readonly string[] Commands = ["lint", "preview", "show", "rebuild"];

    private readonly TextWriter _stream;
    private readonly string _token;

    private WorkflowCommandPause(TextWriter stream, string token)
    {
        _stream = stream;
        _token = token;
    }

    /// <summary>Whether <paramref name="value"/> of <see cref="EnvironmentVariable"/> means a GitHub Actions step.</summary>
    public static bool IsGitHubActions(string? value) => value == "true";

    /// <summary>Stops workflow commands on <paramref name="stream"/> when the parsed command needs it; null otherwise.</summary>
    public static WorkflowCommandPause? Begin(ParseResult parseResult, TextWriter stream)
    {
        var command = parseResult.CommandResult.Command;
        if (!Commands.Contains(command.Name) || command.Parents.OfType<Command>().Any(p => p is not RootCommand)) return null;
        if (command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == "--format") is { } format && parseResult.GetValue(format) == "github")
            return null;
        var pause = new WorkflowCommandPause(stream, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        stream.Write($"::stop-commands::{pause._token}\n");
        stream.Flush();
        return pause;
    }

    /// <summary>Resumes workflow commands: the last line of the output.</summary>
    public void End()
    {
        _stream.Write($"::{_token}::\n");
        _stream.Flush();
    }
}
