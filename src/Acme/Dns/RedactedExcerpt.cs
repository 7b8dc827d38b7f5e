using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// A bounded piece of text a server or a program chose (an error answer, a message, an output), as
/// it may be printed: redacted first and only then cut, so a secret across the cut is masked whole
/// instead of printed in part. Every quote of such text in an error goes through here.
/// </summary>
internal static class RedactedExcerpt
{
    private const string Cut = "...";

    /// <summary>The start of <paramref name="text"/>, at most <paramref name="maxLength"/> characters of it, redacted.</summary>
    public static string Head(SecretRedactor redactor, string text, int maxLength)
    {
        var redacted = redactor.Redact(text);
        return redacted.Length > maxLength ? redacted[..maxLength] + Cut : redacted;
    }

    /// <summary>The end of <paramref name="text"/> (a program's last words), at most <paramref name="maxLength"/> characters of it, redacted.</summary>
    public static string Tail(SecretRedactor redactor, string text, int maxLength)
    {
        var redacted = redactor.Redact(text);
        return redacted.Length > maxLength ? Cut + redacted[^maxLength..] : redacted;
    }
}
