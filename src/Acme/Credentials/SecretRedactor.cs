namespace ConfigLang.Acme.Credentials;

/// <summary>
/// Replaces known secret values by <c>***</c> in any text that may reach a log, an error or the
/// console. Every message built from provider responses or child-process output passes through it.
/// </summary>
public sealed class SecretRedactor
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

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        lock (_lock)
        {
            foreach (var secret in _secrets) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
