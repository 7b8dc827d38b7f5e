using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// A bounded piece of text a DNS API or a program chose (an error answer, a message, an output)
/// that may carry a credential, as it may be printed: redacted first and only then cut, so a secret
/// across the cut is masked whole instead of printed in part. The head of an answer is then quoted
/// as any server's text (<see cref="Protocol.ServerText"/>); text with no secret to mask, such as an
/// ACME CA's, is quoted by ServerText directly.
/// </summary>
internal static class RedactedExcerpt
{
    private const string Cut = "...";

    /// <summary>How much of a provider's answer an error quotes: enough to recognise it, not a whole page.</summary>
    public const int AnswerLength = 200;

    /// <summary>
    /// The start of <paramref name="text"/>, at most <paramref name="maxLength"/> UTF-16 units of it,
    /// redacted, never half of a surrogate pair, on one line and with control characters shown
    /// (<see cref="Protocol.ServerText"/>): it is a server's answer, printed to a terminal.
    /// </summary>
    public static string Head(SecretRedactor redactor, string text, int maxLength) =>
        Protocol.ServerText.Quote(redactor.Redact(text), maxLength);

    /// <summary>
    /// The end of <paramref name="text"/> (a program's last words), at most <paramref name="maxLength"/>
    /// UTF-16 units of it, redacted, never half of a surrogate pair, its lines kept and its other control
    /// characters shown (<see cref="Protocol.ServerText.ShowControls"/>): a DNS hook's output is printed to a terminal.
    /// </summary>
    public static string Tail(SecretRedactor redactor, string text, int maxLength)
    {
        var redacted = redactor.Redact(text);
        if (redacted.Length <= maxLength) return Protocol.ServerText.ShowControls(redacted);
        var length = maxLength > 0 && char.IsLowSurrogate(redacted[^maxLength]) ? maxLength - 1 : maxLength;
        return Protocol.ServerText.ShowControls(Cut + redacted[^length..]);
    }
}
