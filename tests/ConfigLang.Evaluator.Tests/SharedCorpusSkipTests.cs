using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests;

/// <summary>
/// A clone without the shared folder reports the corpus tests as skipped with the reason (where
/// the corpus is and how to point at it), rather than failing them by the hundred.
/// </summary>
public sealed class SharedCorpusSkipTests
{
    private const string AbsentCorpus = "no-such-corpus";

    [Fact]
    public void A_fact_on_an_absent_corpus_is_skipped_naming_the_folder_and_CONFIGLANG_SHARED()
    {
        var skip = new CorpusFactAttribute(AbsentCorpus).Skip;

        Assert.NotNull(skip);
        Assert.Contains(SharedCorpus.PathOf(AbsentCorpus), skip);
        Assert.Contains("CONFIGLANG_SHARED", skip);
    }

    [Fact]
    public void A_theory_on_an_absent_corpus_is_skipped_with_the_same_reason()
    {
        Assert.Equal(SharedCorpus.MissingReason(AbsentCorpus), new CorpusTheoryAttribute(AbsentCorpus).Skip);
        Assert.NotNull(new CorpusTheoryAttribute(AbsentCorpus).Skip);
    }

    [Fact]
    public void A_corpus_that_is_present_is_not_skipped()
    {
        // In the workspace the corpus is there and the test runs; in a lonely clone it is skipped.
        var present = Directory.Exists(SharedCorpus.PathOf(SharedCorpus.NixLang));

        Assert.Equal(present, new CorpusTheoryAttribute(SharedCorpus.NixLang).Skip is null);
        Assert.Equal(present, new CorpusFactAttribute(SharedCorpus.NixLang).Skip is null);
    }
}
