namespace ConfigLang.Acme.Model;

/// <summary>
/// Where the configuration defines something (a certificate, one of its options): a file, a
/// 1-based line and column. This library only carries it, so plan issues and execution errors
/// can point a person at the definition; it knows nothing of the language behind it.
/// </summary>
public sealed record SourceSite(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
