namespace ConfigLang.Acme.Storage;

/// <summary>
/// A path under <c>--root</c> where ConfigLang expects its own file or directory is a symlink
/// (or something else that is not ours to write through). Nothing is followed; the run stops
/// for what needs that path (exit 3).
/// </summary>
public sealed class UnsafePathException(string path, string what)
    : IOException($"{path} is {what}; ConfigLang never follows or writes through it under --root (remove it and run again)")
{
    /// <summary>The full path of the offending entry.</summary>
    public string Path { get; } = path;
}
