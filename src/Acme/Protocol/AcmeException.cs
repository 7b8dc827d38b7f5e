namespace ConfigLang.Acme.Protocol;

/// <summary>Base of every failure this library reports: protocol, validation, solver or provider errors.</summary>
/// URLs in the message lose their password (<c>https://user:***@host/</c>): a server URL or a
/// provider endpoint may carry one, and these messages are printed.
public class AcmeException : Exception
{
    public AcmeException(string message) : base(Credentials.SecretRedactor.RedactUrlCredentials(message)) { }

    public AcmeException(string message, Exception? inner) : base(Credentials.SecretRedactor.RedactUrlCredentials(message), inner) { }
}
