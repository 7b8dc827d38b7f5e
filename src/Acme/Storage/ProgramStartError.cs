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
        if (error.NativeErrorCode == ENoEnt) return $"{program} is not installed or not on PATH ({Environment.GetEnvironmentVariable("PATH")})";
        return FileSystemErrorText.Reason(error.NativeErrorCode);
    }
}
