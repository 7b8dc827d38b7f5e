using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ConfigLang.Acme.Protocol;

/// <summary>
/// The ACME server could not be reached: said as a sentence naming the URL and the reason in
/// words, not .NET's "The SSL connection could not be established, see inner exception.".
/// <see cref="UntrustedCertificate"/> tells the caller that trusting the server's CA would fix it.
/// </summary>
public sealed class AcmeConnectionException : AcmeException
{
    private AcmeConnectionException(string message, bool untrusted, Exception inner) : base(message, inner) => UntrustedCertificate = untrusted;

    /// <summary>True when the TLS handshake failed on the server's certificate (a private CA, a wrong name).</summary>
    public bool UntrustedCertificate { get; }

    public static AcmeConnectionException From(Uri url, HttpRequestException error)
    {
        var innermost = Innermost(error);
        var (reason, untrusted) = error.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError when innermost.Message.Contains("UntrustedRoot", StringComparison.Ordinal)
                                                      || innermost.Message.Contains("PartialChain", StringComparison.Ordinal)
                                                      || innermost.Message.Contains("RemoteCertificateValidationCallback", StringComparison.Ordinal) =>
                ("the TLS connection failed: its certificate is not signed by a CA this host trusts", true),
            HttpRequestError.SecureConnectionError when innermost.Message.Contains("RemoteCertificateNameMismatch", StringComparison.Ordinal) =>
                ($"the TLS connection failed: its certificate is not valid for {url.Host}", true),
            HttpRequestError.SecureConnectionError when innermost is AuthenticationException =>
                ($"the TLS connection failed: {Sentence(innermost.Message)}", true),
            HttpRequestError.SecureConnectionError => ($"the TLS connection failed: {Sentence(innermost.Message)}", false),
            HttpRequestError.NameResolutionError => ($"the name {url.Host} does not resolve", false),
            HttpRequestError.ConnectionError when innermost is SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                ($"nothing accepts connections on {url.Host}:{url.Port}", false),
            _ => (Sentence(innermost.Message), false),
        };
        return new AcmeConnectionException($"cannot reach the ACME server at {url}: {reason}", untrusted, error);
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is { } inner) error = inner;
        return error;
    }

    // .NET's messages end in a period; ours continue after them.
    private static string Sentence(string message) => message.TrimEnd('.', ' ');
}
