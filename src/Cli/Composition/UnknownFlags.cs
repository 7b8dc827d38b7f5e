using System.CommandLine;
using System.CommandLine.Parsing;
using ConfigLang.Modules.Diagnostics;

namespace ConfigLang.Cli.Composition;

/// <summary>
/// Finds the flags no command declares. System.CommandLine reads an unknown <c>--bogus</c> as an
/// argument, so a command with a FILE or PATH argument would take it for a file name (or, for
/// <c>eval -E</c>, ignore it); any argument token that looks like a flag and did not follow
/// <c>--</c> is reported instead. <c>-</c> alone stays standard input.
/// </summary>
public static class UnknownFlags
{
    /// <summary>One unknown flag as typed, and the declared flags closest to it.</summary>
    public sealed record UnknownFlag(string Flag, IReadOnlyList<string> Suggestions);

    public static IReadOnlyList<UnknownFlag> Find(ParseResult result)
    {
        var afterDoubleDash = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        var seenDoubleDash = false;
        foreach (var token in result.Tokens)
        {
            if (seenDoubleDash) afterDoubleDash.Add(token);
            else if (token.Type == TokenType.DoubleDash) seenDoubleDash = true;
        }

        // Tokens bound to the command's own arguments (an option's value such as -E -1 is the option's).
        // Plain loops: every run passes here, and a LINQ chain (Where then Select) costs a generic
        // virtual method lookup in Native AOT's type loader, ~0.1 ms before anything is evaluated.
        var flags = new List<string>();
        for (SymbolResult? symbol = result.CommandResult; symbol is CommandResult command; symbol = command.Parent)
        {
            foreach (var child in command.Children)
            {
                if (child is not ArgumentResult argument) continue;
                foreach (var token in argument.Tokens)
                {
                    if (!afterDoubleDash.Contains(token) && LooksLikeFlag(token.Value)) AddOnce(flags, token.Value);
                }
            }
        }
        // Tokens no argument had room for (a command without arguments, or a full one).
        foreach (var token in result.UnmatchedTokens)
        {
            if (LooksLikeFlag(token)) AddOnce(flags, token);
        }
        if (flags.Count == 0) return [];

        var declared = DeclaredFlags(result.CommandResult.Command);
        return [.. flags.Select(flag => new UnknownFlag(flag, Suggest(flag, declared)))];
    }

    private static void AddOnce(List<string> flags, string flag)
    {
        if (!flags.Contains(flag)) flags.Add(flag);
    }

    /// <summary>The declared flags a misspelling is close to: at most two edits, and at most half the name.</summary>
    public static IReadOnlyList<string> Suggest(string flag, IEnumerable<string> declared)
    {
        var name = Bare(flag.Split('=', 2)[0]);
        if (name.Length == 0) return [];
        return [.. declared
            .Select(candidate => (Candidate: candidate, Distance: OptionSuggester.Distance(name, Bare(candidate))))
            .Where(s => s.Distance <= 2 && s.Distance * 2 <= name.Length)
            .OrderBy(s => s.Distance).ThenBy(s => s.Candidate, StringComparer.Ordinal)
            .Select(s => s.Candidate).Distinct(StringComparer.Ordinal).Take(3)];
    }

    private static bool LooksLikeFlag(string token) => token.Length > 1 && token[0] == '-';

    private static string Bare(string flag) => flag.TrimStart('-');

    /// <summary>The visible flags of the command and the recursive ones of its parents (--color, --max-memory, --help).</summary>
    private static List<string> DeclaredFlags(Command command)
    {
        var names = new List<string>();
        foreach (var option in command.Options.Where(o => !o.Hidden)) names.AddRange([option.Name, .. option.Aliases]);
        foreach (var parent in command.Parents.OfType<Command>())
        {
            foreach (var option in parent.Options.Where(o => o.Recursive && !o.Hidden)) names.AddRange([option.Name, .. option.Aliases]);
        }
        return names;
    }
}
