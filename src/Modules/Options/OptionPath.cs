using System.Text;

namespace ConfigLang.Modules.Options;

/// <summary>
/// Renders option locations the way NixOS messages show them (<c>showOption</c>): names joined
/// with dots, each name that is not a plain identifier quoted as a Nix string, except the
/// placeholders <c>*</c> and <c>&lt;name&gt;</c> which are shown as they are.
/// </summary>
public static class OptionPath
{
    /// <summary><c>prefix ++ [ name ]</c> as an exact-size array (one per option of every submodule instance).</summary>
    public static string[] Append(IReadOnlyList<string> prefix, string name)
    {
        var loc = new string[prefix.Count + 1];
        for (var i = 0; i < prefix.Count; i++) loc[i] = prefix[i];
        loc[^1] = name;
        return loc;
    }

    public static string Show(IEnumerable<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (builder.Length > 0) builder.Append('.');
            builder.Append(IsPlaceholder(part) ? part : EscapeIdentifier(part));
        }
        return builder.ToString();
    }

    /// <summary>A name as Nix source would write it: bare when it is an identifier, else quoted.</summary>
    public static string EscapeIdentifier(string name) => IsIdentifier(name) ? name : QuoteString(name);

    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '\'' or '-')) return false;
        }
        return !Keywords.Contains(name);
    }

    /// <summary>A Nix string literal for the text (<c>escapeNixString</c>).</summary>
    public static string QuoteString(string text) => QuoteString(text, escapeControls: false);

    /// <summary>
    /// The text quoted for a message: as <see cref="QuoteString(string)"/>, other control
    /// characters as <c>\uXXXX</c> (a NUL from a host's builtin, say), never sent raw to a terminal.
    /// </summary>
    public static string ShowString(string text) => QuoteString(text, escapeControls: true);

    private static string QuoteString(string text, bool escapeControls)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '$' when i + 1 < text.Length && text[i + 1] == '{': builder.Append("\\$"); break;
                case < ' ' or '\x7f' when escapeControls: builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A name that stands for any name in a declared location: <c>*</c> (listOf), <c>&lt;name&gt;</c> (attrsOf).</summary>
    public static bool IsPlaceholder(string part) =>
        part == "*" || (part.Length >= 2 && part[0] == '<' && part[^1] == '>');

    private static readonly HashSet<string> Keywords =
        ["assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with"];
}
