using System.Text.RegularExpressions;

namespace ConfigLang.Acme.Credentials;

/// <summary>
/// Replaces known secret values by <c>***</c> in any text that may reach a log, an error or the
/// console. Every message built from provider responses or child-process output passes through it.
/// Passwords inside URLs (<c>scheme://user:password@host</c>) are masked whether registered or not.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";
    private readonly List<string> _secrets = [];
    private readonly Lock _lock = new();

    public SecretRedactor(IEnumerable<string>? secrets = null)
    {
        if (secrets is not null) foreach (var secret in secrets) Add(secret);
    }

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return;
        lock (_lock)
        {
            AddVariant(secret);
            AddVariant(secret.Trim());
            // Secrets also travel encoded (JSON strings, URLs, basic auth).
            AddVariant(Uri.EscapeDataString(secret));
            AddVariant(System.Text.Json.JsonEncodedText.Encode(secret).Value);
            AddVariant(System.Text.Json.JsonEncodedText.Encode(secret, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value);
            AddVariant(secret.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal));
            // Longest first, so a secret containing another is masked whole.
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    private void AddVariant(string value)
    {
        if (value.Length > 0 && !_secrets.Contains(value)) _secrets.Add(value);
    }

    /// <summary>Registers the password of every URL in <paramref name="value"/>, so it is masked also where a server echoes it alone.</summary>
    public void AddUrlPasswords(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        foreach (Match match in UrlUserInfo().Matches(value))
        {
            if (match.Groups["password"].Success)
            {
                var password = match.Groups["password"].Value;
                Add(password);
                Add(Uri.UnescapeDataString(password));
            }
        }
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        lock (_lock)
        {
            foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return RedactUrlCredentials(text);
    }

    /// <summary>
    /// <c>http://u:pw@host/hook</c> becomes <c>http://u:***@host/hook</c>; a user part alone (often
    /// a token, <c>https://TOKEN@host</c>) becomes <c>***</c>.
    /// </summary>
    public static string RedactUrlCredentials(string text) =>
        text.Contains("://", StringComparison.Ordinal)
            ? UrlUserInfo().Replace(text, m => m.Groups["scheme"].Value
                + (m.Groups["password"].Success ? m.Groups["user"].Value + ":" + Mask : Mask) + "@")
            : text;

    /// <summary>A URL as it may be printed: <see cref="RedactUrlCredentials"/> of its absolute form.</summary>
    public static string RedactUrl(Uri? url) => url is null ? "(no URL)" : RedactUrlCredentials(url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString);

    // scheme://user[:password]@ : the user info ends at the last '@' before the path, query or fragment.
    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?<user>[^/?#\s:]*)(?::(?<password>[^/?#\s]*))?@(?=[^/?#\s@]*(?:[/?#\s]|$))")]
    private static partial Regex UrlUserInfo();
}
