using System.Net;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// A DNS server gave no answer. The DNS client returns none both when its time runs out and when
/// every transport is refused at once (nothing listens at that address and port), so the message
/// tells the two apart by the time the exchange took: "within 60 s" after a few milliseconds
/// sends the user looking at a slow server when there is none.
/// </summary>
public sealed class DnsNoAnswerException : AcmeException
{
    public DnsNoAnswerException(IPEndPoint server, TimeSpan timeout, TimeSpan elapsed)
        : base(elapsed < timeout / 2
            ? $"DNS server {server} gave no answer: refused or closed at once, after {elapsed.TotalSeconds:0.0} s (is a DNS server listening there?)"
            : $"no answer from DNS server {server} within {NetworkTimeout.Format(timeout)}")
    {
    }
}
