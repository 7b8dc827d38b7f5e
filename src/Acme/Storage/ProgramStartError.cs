using System.ComponentModel;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Why a program could not be started, in words: .NET says "An error occurred trying to start
/// process 'bash' with working directory '/x'. No such file or directory" for both common causes.
/// </summary>
internal static class ProgramStartError
{
    private const int ENoEnt = 2;

    public static string Reason(string program, string? workingDirectory, Win32Exception error)
    {
        // Thrown by the PATH lookup, before the working directory was ever tried.
        if (error is ProgramNotOnPathException) return error.Message;
        if (workingDirectory is { Length: > 0 } && !Directory.Exists(workingDirectory)) return $"its working directory {workingDirectory} does not exist";
        // A bare name never gets here (the PATH lookup above said it): this is a path, or the interpreter its #! line names.
        if (error.NativeErrorCode == ENoEnt) return $"{program} does not exist (or the interpreter its #! line names does not)";
        return FileSystemErrorText.Reason(error.NativeErrorCode);
    }
}
