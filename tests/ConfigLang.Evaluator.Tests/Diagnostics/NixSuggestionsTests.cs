using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

public sealed class NixSuggestionsTests
{
    [Fact]
    public void Names_within_two_edits_are_suggested_nearest_first_then_by_name()
    {
        Assert.Equal(["abc", "abd", "abcd"], For("abx", ["xyz", "abcd", "abd", "abc"]));
        Assert.Empty(For("abx", ["xyzw", "a-very-long-name"]));
    }

    [Fact]
    public void At_most_five_are_suggested()
    {
        Assert.Equal(["a", "b", "c", "d", "e"], For("x", ["g", "f", "e", "d", "c", "b", "a"]));
    }

    // Nix measures names in bytes: 'é' is two, so "cafx" is two edits from "café" and "cbfx" three.
    [Fact]
    public void Distances_count_the_bytes_of_a_name_and_the_suggestion_is_text()
    {
        Assert.Equal(["café"], For("cafx", ["café", "b"]));
        Assert.Empty(For("cbfx", ["café", "b"]));
    }

    private static IReadOnlyList<string> For(string query, string[] names) =>
        NixSuggestions.For(Name(query), names.Select(Name));

    private static Symbol Name(string text) => Symbol.Intern(ByteText.FromUnicode(text));

    [Fact]
    public void The_banded_distance_agrees_with_the_full_one_up_to_two()
    {
        // Every pair of words of up to five letters over three: the band must find exactly the names the whole table finds.
        var words = Words("abc", 5).Select(word => (Text: word, Symbol: Name(word))).ToList();
        foreach (var query in words)
        {
            foreach (var name in words)
            {
                var expected = Levenshtein(query.Text, name.Text) <= 2;
                if (expected != NixSuggestions.For(query.Symbol, [name.Symbol]).Count > 0) Assert.Fail($"{query.Text} / {name.Text}");
            }
        }
    }

    private static IEnumerable<string> Words(string letters, int maxLength)
    {
        IEnumerable<string> current = [""];
        for (var length = 0; length <= maxLength; length++)
        {
            foreach (var w in current) yield return w;
            current = current.SelectMany(w => letters.Select(c => w + c)).ToList();
        }
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }
        return d[a.Length, b.Length];
    }
}
