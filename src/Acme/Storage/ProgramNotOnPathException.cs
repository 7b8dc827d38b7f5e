using System.ComponentModel;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// <see cref="ProgramPath"/> found no executable file of that name on PATH. A Win32Exception with
/// ENOENT, as Process.Start reports a missing program, so callers that catch that still do; its
/// message says which of the two it was: nothing of that name, or a file that may not be executed
/// (the first one on PATH, which a shell would have complained about too).
/// </summary>
internal sealed class ProgramNotOnPathException(string program, string path, string? notExecutable)
    : Win32Exception(ENoEnt, notExecutable is null
        ? $"{program} is not installed or not on PATH ({path})"
        : $"{program} was found at {notExecutable} but is not executable")
{
    private const int ENoEnt = 2;

    /// <summary>The first file of that name on PATH that may not be executed; null when there was none.</summary>
    public string? NotExecutable { get; } = notExecutable;
}
