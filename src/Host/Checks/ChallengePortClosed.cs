using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// The finding of <see cref="Http01PortClosedCheck"/> and <see cref="TlsAlpn01PortClosedCheck"/>:
/// one error for the host, naming (up to three of) the certificates whose challenge the CA
/// cannot reach through the firewall, pointing at the firewall definition if the files have one.
/// </summary>
public static class ChallengePortClosed
{
    private const int NamedCertificates = 3;

    /// <param name="option">The certificate option that makes the challenge use the port.</param>
    /// <remarks>It points at the user's firewall ports, else at the first certificate's challenge option.</remarks>
    public static Diagnostic Finding(string code, int port, string challenge, string option, IReadOnlyList<CertFacts> affected, HostFacts facts)
    {
        var names = string.Join(", ", affected.Take(NamedCertificates).Select(c => $"\"{c.Name}\""));
        var more = affected.Count > NamedCertificates ? $" and {affected.Count - NamedCertificates} more" : "";
        var (noun, verb) = affected.Count == 1 ? ("certificate", "answers") : ("certificates", "answer");
        return Diagnostic.Error(code,
            $"The firewall keeps port {port} closed, but {noun} {names}{more} {verb} {challenge} challenges on it ({option}): the CA cannot reach this host",
            facts.DefinedAt("networking.firewall.allowedTCPPorts") ?? facts.LocateCert(affected[0].Name, option))
            .WithNote($"add {port} to `networking.firewall.allowedTCPPorts' (the CA connects to port {port} for {challenge}), or validate over DNS-01 (dnsProvider)")
            with { Subject = "networking.firewall.allowedTCPPorts" };
    }
}
