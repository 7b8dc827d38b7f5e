using System.Text;

namespace ConfigLang.Acme.Model;

/// <summary>
/// What a certificate's name must be, since it becomes the directory
/// <c>/var/lib/acme/&lt;name&gt;</c>: one visible directory entry (not empty, no <c>/</c> or NUL,
/// not <c>.</c>, <c>..</c> or another name starting with <c>.</c>, which the state directory keeps
/// for <c>.accounts</c> and <c>.minica</c>), at most 255 bytes of UTF-8. The option library refuses
/// such names already (its <c>types.fileName</c>); this is the executor's own guard, as it cannot
/// see the option library (layering), for callers that build requests themselves.
/// </summary>
public static class CertificateName
{
    /// <summary>Linux's NAME_MAX: the longest directory entry, in bytes.</summary>
    public const int MaxBytes = 255;

    /// <summary>Why <paramref name="name"/> cannot name a certificate directory, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Contains('/')) return "it contains '/'";
        if (name.Contains('\0')) return "it contains a NUL character";
        if (name is "." or "..") return $"'{name}' names a directory itself or its parent";
        if (name[0] == '.') return "it starts with '.', which is kept for the state directory's own entries (.accounts, .minica)";
        var bytes = Encoding.UTF8.GetByteCount(name);
        return bytes > MaxBytes ? $"it is {bytes} bytes long in UTF-8, more than a directory name can be ({MaxBytes})" : null;
    }

    /// <summary>Whether <paramref name="name"/> can name a certificate directory.</summary>
    public static bool IsValid(string name) => Problem(name) is null;
}
