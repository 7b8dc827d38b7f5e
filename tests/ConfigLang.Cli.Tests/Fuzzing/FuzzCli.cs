using ConfigLang.Fuzz;

namespace ConfigLang.Cli.Tests.Fuzzing;

/// <summary>
/// The CLI binary that subprocess tests run: <c>$CONFIGLANG_FUZZ_CLI</c> when set (CI points it
/// at the Native AOT build, which starts in milliseconds), else the apphost that building this
/// project copies next to it.
/// </summary>
public static class FuzzCli
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("CONFIGLANG_FUZZ_CLI") is { Length: > 0 } fromEnvironment
            ? System.IO.Path.GetFullPath(fromEnvironment)
            : CliBinary.NextTo(AppContext.BaseDirectory);
}
