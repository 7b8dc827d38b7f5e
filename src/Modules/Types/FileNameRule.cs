namespace ConfigLang.Modules.Types;

/// <summary>
/// What a name must be to stand for exactly one visible entry of a directory (a certificate's
/// name becomes <c>/var/lib/acme/NAME</c> and unit names): not empty, no <c>/</c> or NUL, not
/// <c>.</c>, <c>..</c> or any other name starting with <c>.</c> (hidden entries such as
/// <c>.accounts</c> belong to the program), at most 255 bytes of UTF-8 (Linux's NAME_MAX).
/// </summary>
public static class FileNameRule
{
    /// <summary>Linux's NAME_MAX: the longest directory entry, in bytes.</summary>
    public const int MaxBytes = 255;

    /// <summary>The rule in one phrase, for messages and documentation.</summary>
    public const string Allowed = "1 to 255 bytes of UTF-8 without `/` or NUL, not starting with `.`";

    /// <summary>Why <paramref name="name"/> cannot be one file name, or null when it can. The name is a
    /// string of the language, in the evaluator's byte form (one char per byte, see <c>ByteText</c>).</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Contains('/')) return "it contains `/`, so it would name a path of several directories";
        if (name.Contains('\0')) return "it contains a NUL character, which no file name can hold";
        if (name is "." or "..") return $"`{name}` names a directory itself or its parent";
        if (name[0] == '.') return "it starts with `.`, which is kept for hidden entries (such as `.accounts`)";
        var bytes = name.Length;
        if (bytes > MaxBytes) return $"it is {bytes} bytes long in UTF-8, more than a file name can be ({MaxBytes})";
        return null;
    }
}
