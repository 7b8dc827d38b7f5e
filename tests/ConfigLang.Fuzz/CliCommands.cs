namespace ConfigLang.Fuzz;

/// <summary>
/// The CLI commands each input goes through: <c>eval --parse</c>, <c>eval --strict</c> (plain,
/// <c>--json</c> or <c>--xml</c>) and <c>lint</c>. Expressions from the language tests are
/// linted once in four (lint then only reports "not a module"), modules and hosts always.
/// </summary>
public static class CliCommands
{
    public static IReadOnlyList<string[]> For(SeedKind kind, string file, FuzzRandom random)
    {
        var output = random.Next(3) switch { 0 => "--json", 1 => "--xml", _ => null };
        List<string[]> commands =
        [
            ["eval", "--parse", file],
            output is null ? ["eval", "--strict", file] : ["eval", "--strict", output, file],
        ];
        if (kind != SeedKind.Language || random.OneIn(4)) commands.Add(["lint", file]);
        return commands;
    }

    /// <summary>Every command and output format, for replaying a reproducer.</summary>
    public static IReadOnlyList<string[]> All(string file) =>
    [
        ["eval", "--parse", file], ["eval", "--strict", file], ["eval", "--strict", "--json", file],
        ["eval", "--strict", "--xml", file], ["lint", file],
    ];

    /// <summary>The command without its file, as failures name it: <c>eval --strict --xml</c>.</summary>
    public static string Name(string[] arguments) => string.Join(' ', arguments[..^1]);
}
