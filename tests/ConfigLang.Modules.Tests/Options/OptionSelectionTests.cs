using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Tests.Options;

/// <summary>Which declared option locations a path names, and what a path that names nothing was probably meant to be.</summary>
public sealed class OptionSelectionTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Locations =
    [
        ["security", "acme", "certs"],
        ["security", "acme", "certs", "<name>", "group"],
        ["security", "acme", "certs", "<name>", "keyType"],
        ["security", "acme", "defaults"],
        ["security", "acme", "defaults", "dnsProvider"],
        ["security", "acme", "defaults", "keyType"],
        ["services", "nginx", "virtualHosts", "<name>", "listen", "*", "port"],
    ];

    [Fact]
    public void A_leaf_path_selects_that_option_only() =>
        Assert.Equal([5], OptionSelection.Select(["security", "acme", "defaults", "keyType"], Locations));

    [Fact]
    public void A_subtree_path_selects_the_option_and_everything_under_it() =>
        Assert.Equal([3, 4, 5], OptionSelection.Select(["security", "acme", "defaults"], Locations));

    [Fact]
    public void The_empty_path_selects_everything() =>
        Assert.Equal(Enumerable.Range(0, Locations.Count), OptionSelection.Select([], Locations));

    [Fact]
    public void A_placeholder_stands_for_any_name()
    {
        Assert.Equal([1], OptionSelection.Select(["security", "acme", "certs", "example.org", "group"], Locations));
        Assert.Equal([1], OptionSelection.Select(["security", "acme", "certs", "<name>", "group"], Locations));
        Assert.Equal([6], OptionSelection.Select(["services", "nginx", "virtualHosts", "a", "listen", "0", "port"], Locations));
    }

    [Fact]
    public void A_name_is_matched_whole_not_as_a_text_prefix() =>
        Assert.Empty(OptionSelection.Select(["security", "acme", "default"], Locations));

    [Fact]
    public void The_first_unknown_name_is_replaced_by_the_nearest_declared_one_keeping_the_rest()
    {
        Assert.Equal(["security.acme.defaults.dnsProvider"], OptionSelection.Suggest(["security", "acme", "defaults", "dnsProvidr"], Locations));
        Assert.Equal(["security.acme.defaults.keyType"], OptionSelection.Suggest(["security", "acme", "defualts", "keyType"], Locations));
        Assert.Equal(["security.acme.certs.\"example.org\".group"], OptionSelection.Suggest(["security", "acme", "certs", "example.org", "grop"], Locations));
    }

    [Fact]
    public void A_replacement_that_leaves_the_rest_unknown_is_suggested_alone() =>
        Assert.Equal(["security.acme.defaults"], OptionSelection.Suggest(["security", "acme", "defualts", "nothing"], Locations));

    [Fact]
    public void Names_far_from_every_declared_one_get_no_suggestion()
    {
        Assert.Empty(OptionSelection.Suggest(["security", "acme", "nope"], Locations));
        Assert.Empty(OptionSelection.Suggest(["security", "acme", "defaults", "keyType", "x"], Locations));
    }
}
