using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Tests.Diagnostics;

/// <summary>"Definition values:" quotes each value cut at 4 KiB and the whole listing at 64 KiB: a
/// definition of a 30 MB string made lint print 30 MB.</summary>
public sealed class DefinitionListingTests
{
    [Fact]
    public void A_huge_string_value_is_cut_with_the_count_of_what_was_left_out()
    {
        var listing = DefinitionListing.Show([new Definition("/h/web.nix", Nix.Str(new string('x', 30_000_000)))]);

        // The printed form is the quoted string: 30,000,002 bytes, of which 4,096 are shown.
        Assert.Equal("\n- In `/h/web.nix': \"" + new string('x', PrintedTextBounds.MaxValueBytes - 1) + "… (29,995,906 more bytes)", listing);
    }

    [Fact]
    public void Many_definitions_make_a_listing_of_at_most_the_message_size()
    {
        var definitions = Enumerable.Range(0, 100_000).Select(i => new Definition($"/h/m{i}.nix", Nix.Str(new string('v', 100))));

        var listing = DefinitionListing.Show(definitions);

        Assert.True(listing.Length < PrintedTextBounds.MaxMessageBytes + 100, $"{listing.Length} characters");
        Assert.Matches(@"… \([\d,]+ more bytes\)$", listing);
    }

    [Fact]
    public void A_value_that_fails_past_the_cut_is_still_not_shown()
    {
        // The value is forced whole, as before the cut, so whether printing fails does not depend on its size.
        var items = new List<Value> { Nix.Str(new string('x', 10_000)), Nix.Lazy(() => throw Nix.Throw("boom")) };

        var listing = DefinitionListing.Show([new Definition("/h/web.nix", Nix.List(items))]);

        Assert.Equal("\n- In `/h/web.nix'", listing);
    }
}
