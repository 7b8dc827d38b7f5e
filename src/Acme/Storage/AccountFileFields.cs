namespace ConfigLang.Acme.Storage;

/// <summary>
/// What may go into one field of <c>/etc/passwd</c>, <c>/etc/group</c> or <c>/etc/shadow</c>: the
/// executor's own guard, whatever its caller checked before. A <c>:</c> would start another
/// field, a newline another entry (<c>root2:x:0:</c>), a NUL ends the line for C readers, and in
/// a name a <c>,</c> would add another member to a group.
/// </summary>
public static class AccountFileFields
{
    /// <summary>Why <paramref name="name"/> cannot be a user or group name in the account files, or null when it can.</summary>
    public static string? NameProblem(string name) =>
        name.Length == 0 ? "it is empty"
        : FieldProblem(name) ?? (name.Contains(',') ? "it contains `,`, which separates the members of a group" : null);

    /// <summary>Why <paramref name="value"/> cannot be one field (home, shell, description), or null when it can.</summary>
    public static string? FieldProblem(string value) =>
        value.Contains(':') ? "it contains `:`, which separates the fields"
        : value.Contains('\n') || value.Contains('\r') ? "it contains a line break, which separates the entries"
        : value.Contains('\0') ? "it contains a NUL character"
        : null;

    /// <summary>
    /// Throws <see cref="UnsafeAccountEntryException"/> naming the first name or field of
    /// <paramref name="groups"/> and <paramref name="users"/> that cannot be written as one.
    /// </summary>
    public static void Check(IEnumerable<SystemGroup> groups, IEnumerable<SystemUser> users)
    {
        foreach (var group in groups)
        {
            Refuse("group name", group.Name, NameProblem(group.Name));
            foreach (var member in group.Members) Refuse($"member of group {Show(group.Name)}", member, NameProblem(member));
        }
        foreach (var user in users)
        {
            Refuse("user name", user.Name, NameProblem(user.Name));
            Refuse($"primary group of user {Show(user.Name)}", user.Group, NameProblem(user.Group));
            foreach (var extra in user.ExtraGroups) Refuse($"extra group of user {Show(user.Name)}", extra, NameProblem(extra));
            Refuse($"home directory of user {Show(user.Name)}", user.Home, FieldProblem(user.Home));
            Refuse($"shell of user {Show(user.Name)}", user.Shell, FieldProblem(user.Shell));
            Refuse($"description of user {Show(user.Name)}", user.Description, FieldProblem(user.Description));
            // It becomes an argument of useradd's --key, which must not take a second setting.
            Refuse($"home mode of user {Show(user.Name)}", user.HomeMode,
                user.HomeMode.Length is >= 3 and <= 4 && user.HomeMode.All(c => c is >= '0' and <= '7') ? null : "it is not three or four octal digits");
        }
    }

    private static void Refuse(string what, string value, string? problem)
    {
        if (problem is not null) throw new UnsafeAccountEntryException($"the {what} {Show(value)} cannot be written to the account files under --root: {problem}");
    }

    /// <summary>The value as a JSON string, so a newline or NUL shows as an escape, never as one.</summary>
    private static string Show(string value) =>
        System.Text.Json.JsonSerializer.Serialize(value, Crypto.AcmeStringJsonContext.Default.String);
}
