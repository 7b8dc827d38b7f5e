namespace ConfigLang.Acme.Execution;

/// <summary>
/// Reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts to the thread
/// pool), so progress lines keep their order and none arrive after the run has returned.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
