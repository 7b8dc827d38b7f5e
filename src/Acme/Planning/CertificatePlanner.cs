using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Planning;

/// <summary>
/// Decides, without side effects, what to do for each wanted certificate given what is on
/// disk and the current time (from the <see cref="TimeProvider"/>, so tests use a fake clock).
/// The rules follow NixOS's order/renew script (fact sheet §2.8), checked in this order:
/// <list type="number">
/// <item><b>issue</b>: nothing usable on disk, or only the self-signed placeholder;</item>
/// <item><b>reissue</b>: the domain list (set or order), key type, ACME server, account or
/// cert-dir variant (must-staple, profile, DNS provider, CSR, extra lego flags) differs from
/// what the certificate was ordered with — NixOS detects this with hashes stored beside the
/// state, and so do we when a stamp was recorded; without one, the certificate itself is compared;</item>
/// <item><b>renew</b>: expired, at most <c>validMinDays</c> whole days left, or the CA's ARI
/// window has opened;</item>
/// <item><b>keep</b> otherwise.</item>
/// </list>
/// </summary>
public sealed class CertificatePlanner(TimeProvider clock)
{
    /// <summary>Plans every request against the observed certificates (matched by name).</summary>
    public Plan CreatePlan(IReadOnlyList<CertificateRequest> requests, IEnumerable<ObservedCertificate> observed)
    {
        var onDisk = observed.ToDictionary(o => o.Name, StringComparer.Ordinal);
        return CreatePlan(requests, name => onDisk.GetValueOrDefault(name));
    }

    /// <summary>
    /// Plans every request against what <paramref name="read"/> finds on disk for its name
    /// (<c>CertificateStore.Read</c>); a request whose name cannot be a directory is an error
    /// and is never looked up.
    /// </summary>
    public Plan CreatePlan(IReadOnlyList<CertificateRequest> requests, Func<string, ObservedCertificate?> read)
    {
        var now = clock.GetUtcNow();
        var zone = clock.LocalTimeZone;
        var issues = new List<PlanIssue>();
        var steps = new List<PlanStep>();
        var firstOwner = new Dictionary<Identifier, string>();

        foreach (var request in requests.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (CheckAlone(request) is { } invalid)
            {
                issues.Add(invalid);
                continue;
            }
            var policy = RenewalPolicy.For(request, requests.Count);
            CheckRequest(request, policy, firstOwner, issues);
            steps.Add(PlanOne(request, policy, read(request.Name), now, zone, issues));
        }
        return new Plan(now, steps, issues);
    }

    /// <summary>
    /// The errors of the requests themselves, without looking at the disk: what a run checks
    /// before it takes the lock or writes anything. Empty when the requests can be planned.
    /// </summary>
    public static IReadOnlyList<PlanIssue> Validate(IReadOnlyList<CertificateRequest> requests)
    {
        var issues = new List<PlanIssue>();
        var firstOwner = new Dictionary<Identifier, string>();
        foreach (var request in requests.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (CheckAlone(request) is { } invalid) issues.Add(invalid);
            else CheckRequest(request, RenewalPolicy.For(request, requests.Count), firstOwner, issues);
        }
        return [.. issues.Where(i => i.Severity == PlanIssueSeverity.Error)];
    }

    /// <summary>An error that leaves nothing to plan for the request (a name that cannot be a directory, no domain).</summary>
    private static PlanIssue? CheckAlone(CertificateRequest request) =>
        CertificateName.Problem(request.Name) is { } why ? PlanIssueCodes.InvalidCertificateNameIssue(request, why)
        : request.Domains.Count == 0 ? PlanIssueCodes.NoDomainsIssue(request)
        : null;

    private static void CheckRequest(CertificateRequest request, RenewalPolicy policy, Dictionary<Identifier, string> firstOwner, List<PlanIssue> issues)
    {
        if (request.Challenge.Kind != ChallengeKind.Dns01 && request.Domains.FirstOrDefault(d => d.IsWildcard) is { } wildcard)
        {
            issues.Add(PlanIssueCodes.WildcardNeedsDnsIssue(request, wildcard));
        }
        foreach (var domain in request.Domains.Distinct())
        {
            if (firstOwner.TryGetValue(domain, out var owner))
            {
                issues.Add(PlanIssueCodes.DomainInSeveralCertificatesIssue(request, domain, owner));
            }
            else
            {
                firstOwner[domain] = request.Name;
            }
        }
        if (policy.Timer.ScheduleError is { } why)
        {
            issues.Add(PlanIssueCodes.InvalidRenewIntervalIssue(request, why));
        }
    }

    private static PlanStep PlanOne(CertificateRequest request, RenewalPolicy policy, ObservedCertificate? current,
        DateTimeOffset now, TimeZoneInfo zone, List<PlanIssue> issues)
    {
        var step = new PlanStep
        {
            Request = request,
            Action = PlanAction.Issue,
            Reason = "no certificate on disk",
            Observed = current,
            Policy = policy,
            NextCheck = policy.Timer.NextElapse(now, zone),
        };

        if (current is null) return step;
        if (current.IsPlaceholder) return step with { Reason = "only the self-signed placeholder is on disk" };
        if (!current.IsUsable)
        {
            var problem = current.Problem ?? "key.pem is missing or does not match the certificate";
            issues.Add(PlanIssueCodes.UnusableFilesIssue(request, problem));
            return step with { Reason = $"the certificate on disk cannot be used: {problem}" };
        }

        step = step with { NotAfter = current.NotAfter };
        if (ReissueReason(request, current) is { } reissue) return step with { Action = PlanAction.Reissue, Reason = reissue };

        var lifetimeDays = (int)Math.Floor((current.NotAfter - current.NotBefore).TotalDays);
        if (request.ValidMinDays >= lifetimeDays) issues.Add(PlanIssueCodes.RenewsOnEveryCheckIssue(request, lifetimeDays));

        var dueFrom = policy.DueFrom(current.NotAfter);
        var window = current.SuggestedWindow;
        var renewalDue = window is not null && window.Start < dueFrom ? window.Start : dueFrom;
        step = step with { RenewalDue = renewalDue };

        if (current.NotAfter <= now)
        {
            issues.Add(PlanIssueCodes.CertificateExpiredIssue(request, current.NotAfter));
            return step with { Action = PlanAction.Renew, Reason = $"expired on {PlanText.Date(current.NotAfter)}" };
        }
        if (policy.IsDue(current.NotAfter, now))
        {
            var left = RenewalPolicy.WholeDaysLeft(current.NotAfter, now);
            return step with
            {
                Action = PlanAction.Renew,
                Reason = $"expires in {PlanText.Days(left)}, within validMinDays ({request.ValidMinDays})",
            };
        }
        if (window is not null && window.HasStarted(now))
        {
            return step with
            {
                Action = PlanAction.Renew,
                Reason = $"the CA's suggested renewal window opened at {PlanText.Time(window.Start)}",
            };
        }
        return step with
        {
            Action = PlanAction.Keep,
            Reason = $"valid until {PlanText.Date(current.NotAfter)}, renewal due from {PlanText.Date(renewalDue)}",
        };
    }

    /// <summary>Why the certificate on disk no longer fits the request, or null when it does.</summary>
    private static string? ReissueReason(CertificateRequest request, ObservedCertificate current)
    {
        if (DomainChange(request, current) is { } domains) return domains;

        if (request.Csr is null && current.KeyType is { } keyType && keyType != request.KeyType)
        {
            return $"key type changed from {KeyTypes.Format(keyType)} to {KeyTypes.Format(request.KeyType)}";
        }
        if (current.RecordedServer is { } server && !string.Equals(server, request.Server ?? "", StringComparison.Ordinal))
        {
            return $"ACME server changed from {Shown(server)} to {Shown(request.Server)}";
        }
        if (current.RecordedAccountHash is { } account && account != request.Account.Hash)
        {
            return "ACME account changed (server, key type or email)";
        }
        if (current.RecordedCertDirHash is { } variant && variant != request.CertDirHash)
        {
            return "order settings changed (must-staple, profile, DNS provider, CSR or extra lego flags)";
        }
        return null;
    }

    // The reason is printed (preview, progress, summary): a server URL's password is not.
    private static string Shown(string? server) =>
        string.IsNullOrEmpty(server) ? "the default server" : Credentials.SecretRedactor.RedactUrlCredentials(server);

    private static string? DomainChange(CertificateRequest request, ObservedCertificate current)
    {
        var wanted = request.Domains;
        var have = current.Domains;
        var added = wanted.Except(have).ToArray();
        var removed = have.Except(wanted).ToArray();

        // A recorded hash is authoritative (it also sees order); otherwise compare the names as a
        // set, since a CA may list the subject alternative names in any order.
        var changed = current.RecordedDomainHash is { } recorded
            ? recorded != request.DomainHash
            : added.Length > 0 || removed.Length > 0;
        if (!changed) return null;
        if (added.Length == 0 && removed.Length == 0) return "order of domains changed";

        var parts = new List<string>();
        if (added.Length > 0) parts.Add("added " + string.Join(", ", added.Select(d => d.Value)));
        if (removed.Length > 0) parts.Add("removed " + string.Join(", ", removed.Select(d => d.Value)));
        return "domains changed: " + string.Join("; ", parts);
    }
}
