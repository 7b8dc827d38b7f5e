using ConfigLang.Modules.Diagnostics;

namespace ConfigLang.Modules.Tests.Diagnostics;

public sealed class OptionSuggesterTests
{
    [Fact]
    public void Offers_the_three_nearest_names_with_ties_in_alphabetical_order() =>
        Assert.Equal(["enable", "ebe", "enabled"], OptionSuggester.Suggest("enble", ["disable", "enabled", "enable", "ebe", "zzzzzzzz"]));

    [Fact]
    public void Among_many_candidates_only_close_names_are_offered()
    {
        var candidates = Enumerable.Range(0, 200).Select(i => $"option{i:000}").Append("webroot").ToList();
        Assert.Equal(["webroot"], OptionSuggester.Suggest("webrot", candidates));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Distance_is_the_Levenshtein_distance(string a, string b, int expected) =>
        Assert.Equal(expected, OptionSuggester.Distance(a, b));
}
