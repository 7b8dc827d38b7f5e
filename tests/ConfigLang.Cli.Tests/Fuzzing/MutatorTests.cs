using ConfigLang.Fuzz;
using ConfigLang.TestSupport;

namespace ConfigLang.Cli.Tests.Fuzzing;

/// <summary>The mutator is deterministic from the seed and makes the shapes that find bugs: long and deep inputs, odd bytes.</summary>
public sealed class MutatorTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Load(RepositoryRoot.Path, RepositoryRoot.Shared);

    [Fact]
    public void The_same_seed_and_index_give_the_same_input_and_commands()
    {
        var first = new FuzzCampaign(Corpus, new LimitedCliProcess("unused", ProcessLimits.Default), _ => { });
        var second = new FuzzCampaign(Corpus, new LimitedCliProcess("unused", ProcessLimits.Default), _ => { });

        for (var index = 0; index < 200; index++)
        {
            var (a, randomA) = first.Input(13, index);
            var (b, randomB) = second.Input(13, index);
            Assert.Equal(a.Content, b.Content);
            Assert.Equal(a.Mutations, b.Mutations);
            Assert.Equal(
                CliCommands.For(a.Seed.Kind, "f.nix", randomA).Select(CliCommands.Name),
                CliCommands.For(b.Seed.Kind, "f.nix", randomB).Select(CliCommands.Name));
        }
    }

    [Fact]
    public void Other_seeds_give_other_inputs()
    {
        var campaign = new FuzzCampaign(Corpus, new LimitedCliProcess("unused", ProcessLimits.Default), _ => { });

        var differing = Enumerable.Range(0, 50).Count(index =>
            !campaign.Input(13, index).Mutant.Content.SequenceEqual(campaign.Input(14, index).Mutant.Content));

        Assert.True(differing >= 45, $"only {differing} of 50 inputs differ between seeds 13 and 14");
    }

    [Fact]
    public void A_few_hundred_inputs_include_long_chains_deep_nesting_odd_bytes_and_splices_within_the_size_cap()
    {
        var campaign = new FuzzCampaign(Corpus, new LimitedCliProcess("unused", ProcessLimits.Default), _ => { });

        var mutants = Enumerable.Range(0, 300).Select(index => campaign.Input(13, index).Mutant).ToList();

        Assert.All(mutants, mutant => Assert.InRange(mutant.Content.Length, 0, Mutator.DefaultMaxInputBytes));
        Assert.Contains(mutants, mutant => mutant.Content.Length > 100_000 && mutant.Mutations.Contains("repeat", StringComparison.Ordinal));
        Assert.Contains(mutants, mutant => mutant.Content.Length > 100_000 && mutant.Mutations.Contains("nest", StringComparison.Ordinal));
        Assert.Contains(mutants, mutant => mutant.Content.Contains((byte)0));
        Assert.Contains(mutants, mutant => mutant.Mutations.Contains("splice", StringComparison.Ordinal));
        // Hosts are a few dozen files among hundreds of language tests, yet get their share.
        Assert.InRange(mutants.Count(mutant => mutant.Seed.Kind == SeedKind.Host), 60, 300);
    }
}
