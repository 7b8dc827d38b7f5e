using System.Globalization;

namespace ConfigLang.Acme.Storage;

/// <summary>
/// Keeps a file that is about to be replaced beside it, as <c>NAME.LABEL-YYYYMMDDTHHMMSSZ</c>: a
/// hard link, so the original is never missing for a moment and keeps its owner and mode. What is
/// kept this way is never deleted by ConfigLang.
/// </summary>
public static class KeptAside
{
    /// <summary>Copies of one file in one second before giving up (a clock stuck in a loop, not a real host).</summary>
    private const int MaxAttempts = 100;

    /// <summary>Links <paramref name="name"/> as its kept copy and returns the copy's name (in <paramref name="directory"/>).</summary>
    public static string Link(RootedDirectory directory, string name, string label, DateTimeOffset at)
    {
        var stem = $"{name}.{label}-{at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var kept = attempt == 1 ? stem : $"{stem}-{attempt}";
            if (directory.Exists(kept)) continue;
            directory.Link(name, kept);
            return kept;
        }
        throw new IOException($"cannot keep {directory.PathOf(name)} aside: {MaxAttempts} copies of it from this second exist already");
    }
}
