using System.Text;

namespace ConfigLang.Cli.Tests.Hostile;

/// <summary>
/// One hostile input and what each command must do with it: end with one of the allowed exit
/// codes within the processor time allowed, never with a signal, a hang, an unhandled exception
/// or an "internal error".
/// </summary>
/// <param name="Commands">The arguments before the file (e.g. <c>eval --parse</c>) and the exit codes allowed for it.</param>
/// <param name="StdoutStartsWith">What standard output must start with after an exit 0, when that matters.</param>
/// <param name="StderrMentions">What standard error must say after an exit 1 (e.g. that memory ran out).</param>
public sealed record HostileInput(
    string Content,
    TimeSpan CpuTime,
    IReadOnlyList<(string Command, int[] ExitCodes)> Commands,
    string? StdoutStartsWith = null,
    string? StderrMentions = null)
{
    public static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();
}
