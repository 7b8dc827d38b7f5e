using ConfigLang.Evaluator.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// Every consumer in <c>configlang.certConsumers</c> must be able to read the key (mode 0640,
/// group = the certificate's group): its user is root, or the certificate's group is its
/// primary or a supplementary group, or its user is a member of that group, or systemd hands
/// the files over as credentials, or the certificate's <c>postRun</c> grants the user an ACL
/// (<c>setfacl -m u:USER:r…</c>, the wiki's recipe, which NixOS's own assertion ignores).
/// </summary>
public sealed class KeyReadabilityCheck : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var certs = facts.Certs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var consumer in facts.Consumers)
        {
            if (!certs.TryGetValue(consumer.Cert, out var cert) || CanRead(consumer, cert, facts)) continue;
            yield return Diagnostic.Error(LintCodes.KeyNotReadable,
                $"Service {consumer.Service} (user {consumer.User}) cannot read the key of certificate \"{cert.Name}\" (group {cert.Group}, mode 0640)",
                facts.LocateCert(cert.Name, "group"))
                .WithNote($"set `security.acme.certs.\"{cert.Name}\".group' to a group of {consumer.User}, or add {consumer.User} to users.users.{consumer.User}.extraGroups")
                with { Subject = consumer.Option };
        }
    }

    public static bool CanRead(ConsumerFacts consumer, CertFacts cert, HostFacts facts)
    {
        var certGroup = cert.Group;
        if (consumer.ViaCredentials || consumer.User == "root") return true;
        if (cert.PostRun.Contains("setfacl", StringComparison.Ordinal) && cert.PostRun.Contains($"u:{consumer.User}:r", StringComparison.Ordinal)) return true;
        if (consumer.Group == certGroup || consumer.SupplementaryGroups.Contains(certGroup)) return true;
        if (facts.Users.TryGetValue(consumer.User, out var user) && (user.Group == certGroup || user.ExtraGroups.Contains(certGroup))) return true;
        return facts.GroupMembers.TryGetValue(certGroup, out var members) && members.Contains(consumer.User);
    }
}
