using System.Text.RegularExpressions;

namespace ConfigLang.Modules.Types;

/// <summary>
/// What a user or group name must be to go into <c>/etc/passwd</c> and <c>/etc/group</c> as one
/// field: shadow-utils' name rule (<c>NAME_REGEX</c>) widened to what its <c>useradd</c> accepts
/// by default (capitals and dots, as in <c>John.Doe</c>), a trailing <c>$</c> for Samba machine
/// accounts, and at most 32 characters (<c>UT_NAMESIZE</c>). NixOS itself only refuses <c>:</c> and
/// newlines; anything looser here lets a value add lines or members to the account files that a
/// root-run rebuild writes.
/// </summary>
public static partial class AccountNameRule
{
    /// <summary>The longest name <c>utmp</c> and the shadow tools keep.</summary>
    public const int MaxLength = 32;

    /// <summary>The rule in one phrase, for messages and documentation.</summary>
    public const string Allowed = "1 to 32 characters: a letter or `_`, then letters, digits, `_`, `-` or `.`, optionally a final `$`";

    /// <summary>Why <paramref name="name"/> cannot be a user or group name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Contains(':')) return "it contains `:`, which separates the fields of /etc/passwd and /etc/group";
        if (name.Contains('\n')) return "it contains a newline, which separates the entries of /etc/passwd and /etc/group";
        if (name.Contains('\0')) return "it contains a NUL character";
        if (name.Contains(',')) return "it contains `,`, which separates the members of a group in /etc/group";
        if (name.Length > MaxLength) return $"it is {name.Length} characters long, more than a user or group name can be ({MaxLength})";
        if (!Shape().IsMatch(name)) return "it " + (char.IsAsciiDigit(name[0]) || name[0] is '-' or '.' ? "does not start with a letter or `_`" : "holds a character other than letters, digits, `_`, `-`, `.` and a final `$`");
        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*[$]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
