namespace ConfigLang.Cli.Tests;

/// <summary>The xUnit collection of tests that replace <see cref="Console.In"/>, which is the whole process's.</summary>
public static class ConsoleInputCollection
{
    public const string Name = "Console.In";
}
