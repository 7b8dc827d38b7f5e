using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// Each name a certificate orders (<c>domain</c>, <c>extraDomainNames</c>) must be a DNS name the
/// CA accepts (<see cref="DnsName.Validate"/>): otherwise the whole order fails at run time, after
/// deployment. Internationalised names are accepted only in punycode; the note gives that form.
/// </summary>
public sealed class InvalidDomainNameCheck : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        foreach (var cert in facts.Certs)
        {
            var publicCa = AcmeServers.IsPublicCa(cert.Server);
            var names = cert.ExtraDomainNames.Select(n => (Option: "extraDomainNames", Name: n)).Prepend(("domain", cert.Domain));
            foreach (var (option, name) in names)
            {
                if (DnsName.Validate(name, publicCa) is not { } problem) continue;
                var subject = $"security.acme.certs.\"{cert.Name}\".{option}";
                var diagnostic = Diagnostic.Error(LintCodes.InvalidDomainName,
                    $"The name \"{name}\" in `{subject}' {problem.Reason}",
                    facts.LocateCert(cert.Name, option)) with { Subject = subject };
                if (problem.Suggestion is { } suggestion) diagnostic = diagnostic.WithNote($"write \"{suggestion}\" (the punycode form of \"{name}\")");
                yield return diagnostic;
            }
        }
    }
}
