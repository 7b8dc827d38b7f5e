using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

public sealed class NixSuggestionsTests
{
    [Fact]
    public void Names_within_two_edits_are_suggested_nearest_first_then_by_name()
    {
        Assert.Equal(["abc", "abd", "abcd"], NixSuggestions.For("abx", ["xyz", "abcd", "abd", "abc"]));
        Assert.Empty(NixSuggestions.For("abx", ["xyzw", "a-very-long-name"]));
    }

    [Fact]
    public void At_most_five_are_suggested()
    {
        Assert.Equal(["a", "b", "c", "d", "e"], NixSuggestions.For("x", ["g", "f", "e", "d", "c", "b", "a"]));
    }

    [Fact]
    public void The_banded_distance_agrees_with_the_full_one_up_to_two()
    {
        // Every pair of short words over three letters: the band must find exactly the names the whole table finds.
        var words = Words("abc", 5).ToList();
        var random = new Random(19);
        for (var n = 0; n < 3000; n++)
        {
            var query = words[random.Next(words.Count)];
            var name = words[random.Next(words.Count)];
            var expected = Levenshtein(query, name) <= 2;
            Assert.True(expected == NixSuggestions.For(query, [name]).Count > 0, $"{query} / {name}");
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
