using Xunit;

namespace ConfigLang.TestSupport;

/// <summary>A fact that reads a shared conformance corpus: skipped with the reason where the corpus is absent, run as usual where it is present.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(string corpus) => Skip = SharedCorpus.MissingReason(corpus);
}
