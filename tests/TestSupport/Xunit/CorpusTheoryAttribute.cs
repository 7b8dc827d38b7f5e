using Xunit;

namespace ConfigLang.TestSupport;

/// <summary>
/// A theory that reads a shared conformance corpus: where the corpus is absent it is one skipped
/// test with the reason (xUnit then does not enumerate its data, which would read the corpus);
/// where it is present, one test per data row as usual.
/// </summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute(string corpus) => Skip = SharedCorpus.MissingReason(corpus);
}
