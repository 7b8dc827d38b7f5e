using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;

namespace ConfigLang.Acme.Tests.Planning;

/// <summary>
/// Table-driven: each scenario is a request, what is on disk, and the expected action and
/// reason, all at a fixed "now" of 2026-06-01 12:00 UTC.
/// </summary>
public sealed class CertificatePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed record Scenario(CertificateRequest Request, ObservedCertificate? Observed, PlanAction Action, string Reason);

    private static CertificateRequest Web => Requests.Http("example.org", "www.example.org");

    /// <summary>A CA-issued certificate matching <see cref="Web"/>, 90 days long, ending in <paramref name="daysLeft"/> days.</summary>
    private static ObservedCertificate Issued(double daysLeft, CertificateRequest? orderedWith = null, bool stamped = true)
    {
        var request = orderedWith ?? Web;
        var notAfter = Now.AddDays(daysLeft);
        return new ObservedCertificate
        {
            Name = "example.org",
            Domains = request.Domains,
            NotBefore = notAfter.AddDays(-90),
            NotAfter = notAfter,
            KeyType = request.KeyType,
            Issuer = "CN=Pebble Intermediate CA",
            HasMatchingKey = true,
            RecordedServer = stamped ? request.Server ?? "" : null,
            RecordedDomainHash = stamped ? request.DomainHash : null,
            RecordedAccountHash = stamped ? request.Account.Hash : null,
            RecordedCertDirHash = stamped ? request.CertDirHash : null,
        };
    }

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["nothing on disk"] = new(Web, null, PlanAction.Issue, "no certificate on disk"),
        ["placeholder only"] = new(Web, Issued(20) with { IsPlaceholder = true, Issuer = "CN=minica root ca 1a2b3c" },
            PlanAction.Issue, "only the self-signed placeholder is on disk"),
        ["key missing"] = new(Web, Issued(60) with { HasMatchingKey = false },
            PlanAction.Issue, "the certificate on disk cannot be used: key.pem is missing or does not match the certificate"),
        ["unreadable"] = new(Web, Issued(60) with { Problem = "fullchain.pem holds no certificate" },
            PlanAction.Issue, "the certificate on disk cannot be used: fullchain.pem holds no certificate"),
        ["fresh"] = new(Web, Issued(60), PlanAction.Keep, "valid until 2026-07-31, renewal due from 2026-06-30"),
        ["31 whole days left"] = new(Web, Issued(31.5), PlanAction.Keep, "valid until 2026-07-03, renewal due from 2026-06-02"),
        ["30 whole days left"] = new(Web, Issued(30.9), PlanAction.Renew, "expires in 30 days, within validMinDays (30)"),
        ["one day left"] = new(Web, Issued(1.2), PlanAction.Renew, "expires in 1 day, within validMinDays (30)"),
        ["expired"] = new(Web, Issued(-2), PlanAction.Renew, "expired on 2026-05-30"),
        ["validMinDays 9999 forces renewal"] = new(Web with { ValidMinDays = 9999 }, Issued(80),
            PlanAction.Renew, "expires in 80 days, within validMinDays (9999)"),
        ["ARI window open"] = new(Web, Issued(60) with { SuggestedWindow = new(Now.AddHours(-3), Now.AddDays(2)) },
            PlanAction.Renew, "the CA's suggested renewal window opened at 2026-06-01 09:00 UTC"),
        ["ARI window ahead"] = new(Web, Issued(60) with { SuggestedWindow = new(Now.AddDays(5), Now.AddDays(7)) },
            PlanAction.Keep, "valid until 2026-07-31, renewal due from 2026-06-06"),
        ["extra domain added"] = new(Web with { Domains = [.. Web.Domains, Identifier.Dns("mail.example.org")] }, Issued(60),
            PlanAction.Reissue, "domains changed: added mail.example.org"),
        ["domain removed"] = new(Requests.Http("example.org"), Issued(60),
            PlanAction.Reissue, "domains changed: removed www.example.org"),
        ["domain order changed"] = new(Web with { Domains = [Identifier.Dns("www.example.org"), Identifier.Dns("example.org")] },
            Issued(60) with { Name = "example.org" }, PlanAction.Reissue, "order of domains changed"),
        ["order change without stamp is no change"] = new(Web with { Domains = [Identifier.Dns("www.example.org"), Identifier.Dns("example.org")] },
            Issued(60, stamped: false), PlanAction.Keep, "valid until 2026-07-31, renewal due from 2026-06-30"),
        ["domain added without stamp"] = new(Requests.Http("example.org", "www.example.org", "new.example.org"),
            Issued(60, stamped: false), PlanAction.Reissue, "domains changed: added new.example.org"),
        ["key type changed"] = new(Web with { KeyType = KeyType.Rsa4096 }, Issued(60),
            PlanAction.Reissue, "key type changed from ec256 to rsa4096"),
        ["key type changed without stamp"] = new(Web with { KeyType = KeyType.Ec384 }, Issued(60, stamped: false),
            PlanAction.Reissue, "key type changed from ec256 to ec384"),
        ["csr ignores key type"] = new(Web with { KeyType = KeyType.Rsa4096, Csr = "/etc/x.csr", CsrKey = "/etc/x.key" },
            Issued(60, Web with { KeyType = KeyType.Rsa4096, Csr = "/etc/x.csr", CsrKey = "/etc/x.key" }) with { KeyType = KeyType.Ec256 },
            PlanAction.Keep, "valid until 2026-07-31, renewal due from 2026-06-30"),
        ["server changed"] = new(Web with { Server = "https://acme.test/dir" }, Issued(60),
            PlanAction.Reissue, "ACME server changed from https://acme-v02.api.letsencrypt.org/directory to https://acme.test/dir"),
        ["server with a password changed"] = new(Web with { Server = "https://eab:hunter2@acme.test/dir" }, Issued(60),
            PlanAction.Reissue, "ACME server changed from https://acme-v02.api.letsencrypt.org/directory to https://eab:***@acme.test/dir"),
        ["server set to null"] = new(Web with { Server = null }, Issued(60),
            PlanAction.Reissue, "ACME server changed from https://acme-v02.api.letsencrypt.org/directory to the default server"),
        ["email changed"] = new(Web with { Email = "other@example.org" }, Issued(60),
            PlanAction.Reissue, "ACME account changed (server, key type or email)"),
        ["must-staple turned on"] = new(Web with { OcspMustStaple = true }, Issued(60),
            PlanAction.Reissue, "order settings changed (must-staple, profile, DNS provider, CSR or extra lego flags)"),
        ["profile set"] = new(Web with { Profile = "shortlived" }, Issued(60),
            PlanAction.Reissue, "order settings changed (must-staple, profile, DNS provider, CSR or extra lego flags)"),
        ["group changed keeps"] = new(Web with { Group = "nginx", ReloadServices = ["nginx.service"] }, Issued(60),
            PlanAction.Keep, "valid until 2026-07-31, renewal due from 2026-06-30"),
        ["reissue wins over renewal"] = new(Web with { KeyType = KeyType.Rsa2048 }, Issued(3),
            PlanAction.Reissue, "key type changed from ec256 to rsa2048"),
    };

    public static TheoryData<string> ScenarioNames() => new(Scenarios.Keys);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Decides_action_and_reason(string scenario)
    {
        var (request, observed, action, reason) = Scenarios[scenario];
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([request], observed is null ? [] : [observed]);

        var step = Assert.Single(plan.Steps);
        Assert.Equal((action, reason), (step.Action, step.Reason));
        Assert.Same(request, step.Request);
    }

    [Fact]
    public void Steps_are_sorted_by_name_and_matched_to_their_own_state()
    {
        var requests = new[] { Requests.Http("b.example.org"), Requests.Http("a.example.org"), Requests.Http("C.example.org") };
        var observed = Issued(60, Requests.Http("b.example.org")) with { Name = "b.example.org" };

        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan(requests, [observed]);

        Assert.Equal(["C.example.org", "a.example.org", "b.example.org"], plan.Steps.Select(s => s.Name));
        Assert.Equal([PlanAction.Issue, PlanAction.Issue, PlanAction.Keep], plan.Steps.Select(s => s.Action));
    }

    [Fact]
    public void Plan_carries_the_time_it_was_made_and_the_current_not_after()
    {
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([Web], [Issued(60)]);
        Assert.Equal(Now, plan.Now);
        Assert.Equal(Now.AddDays(60), plan.Steps[0].NotAfter);

        var placeholder = new CertificatePlanner(new FakeClock(Now)).CreatePlan([Web], [Issued(60) with { IsPlaceholder = true }]);
        Assert.Null(placeholder.Steps[0].NotAfter);
    }

    [Fact]
    public void Same_state_gives_a_different_decision_as_time_passes()
    {
        var clock = new FakeClock(Now);
        var planner = new CertificatePlanner(clock);
        var observed = Issued(45);
        Assert.Equal(PlanAction.Keep, planner.CreatePlan([Web], [observed]).Steps[0].Action);

        clock.Now = Now.AddDays(15);
        Assert.Equal(PlanAction.Renew, planner.CreatePlan([Web], [observed]).Steps[0].Action);
    }

    [Fact]
    public void Next_check_is_the_next_timer_elapse_in_the_host_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var plan = new CertificatePlanner(new FakeClock(Now, berlin)).CreatePlan([Web], []);

        var step = plan.Steps[0];
        // "daily" = local midnight; Berlin is UTC+2 in June.
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 22, 0, 0, TimeSpan.Zero), step.NextCheck);
        Assert.Equal(TimeSpan.FromHours(24), step.Policy.Timer.RandomizedDelay);
        Assert.Equal(step.NextCheck + TimeSpan.FromHours(24), step.NextCheckLatest);
    }

    [Fact]
    public void Timer_accuracy_is_a_day_shared_by_the_certificates()
    {
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan(
            [Requests.Http("a.example"), Requests.Http("b.example"), Requests.Http("c.example")], []);
        Assert.All(plan.Steps, s => Assert.Equal(TimeSpan.FromSeconds(28800), s.Policy.Timer.Accuracy));
        Assert.All(plan.Steps, s => Assert.True(s.Policy.Timer.Persistent));
    }

    [Fact]
    public void Invalid_renew_interval_is_an_error_naming_the_option()
    {
        var request = Web with
        {
            RenewInterval = "every tuesday", SourceTag = new SourceSite("host.nix", 3, 5),
            OptionSites = new Dictionary<string, SourceSite> { ["renewInterval"] = new("host.nix", 7, 9) },
        };
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([request], []);

        var issue = Assert.Single(plan.Issues);
        Assert.Equal((PlanIssueCodes.InvalidRenewInterval, PlanIssueSeverity.Error), (issue.Code, issue.Severity));
        Assert.Equal("certs.\"example.org\".renewInterval", issue.Subject);
        Assert.Equal(new SourceSite("host.nix", 7, 9), issue.SourceTag);
        Assert.Contains("every tuesday", issue.Message);
        Assert.True(plan.HasErrors);
        Assert.Null(plan.Steps[0].NextCheck);
    }

    [Fact]
    public void Wildcard_over_http_is_an_error_and_over_dns_is_fine()
    {
        var http = Requests.Http("example.org", "*.example.org");
        var dns = Requests.Dns("example.net", "*.example.net");
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([http, dns], []);

        var issue = Assert.Single(plan.Issues);
        Assert.Equal(PlanIssueCodes.WildcardNeedsDns, issue.Code);
        Assert.Equal("example.org", issue.Certificate);
        Assert.Contains("'*.example.org'", issue.Message);
        // The challenge setting is what has to change.
        Assert.Equal("webroot", issue.Option);
    }

    [Fact]
    public void Domain_in_two_certificates_is_a_warning_on_the_later_one()
    {
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan(
            [Requests.Http("b.example.org", "shared.example.org"), Requests.Http("a.example.org", "shared.example.org")], []);

        var issue = Assert.Single(plan.Issues);
        Assert.Equal((PlanIssueCodes.DomainInSeveralCertificates, PlanIssueSeverity.Warning), (issue.Code, issue.Severity));
        Assert.Equal("b.example.org", issue.Certificate);
        Assert.False(plan.HasErrors);
    }

    [Fact]
    public void Expired_and_unusable_certificates_are_reported()
    {
        var expired = new CertificatePlanner(new FakeClock(Now)).CreatePlan([Web], [Issued(-1)]);
        Assert.Equal(PlanIssueCodes.CertificateExpired, Assert.Single(expired.Issues).Code);

        var broken = new CertificatePlanner(new FakeClock(Now)).CreatePlan([Web], [Issued(10) with { Problem = "bad PEM" }]);
        Assert.Equal(PlanIssueCodes.UnusableFilesOnDisk, Assert.Single(broken.Issues).Code);
    }

    [Fact]
    public void Valid_min_days_beyond_the_lifetime_is_noted()
    {
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([Web with { ValidMinDays = 9999 }], [Issued(80)]);
        var issue = Assert.Single(plan.Issues);
        Assert.Equal((PlanIssueCodes.RenewsOnEveryCheck, PlanIssueSeverity.Info), (issue.Code, issue.Severity));
    }

    [Fact]
    public void Certificate_without_domains_is_an_error_and_gets_no_step()
    {
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan([Web with { Domains = [] }], []);
        Assert.Empty(plan.Steps);
        Assert.Equal(PlanIssueCodes.NoDomains, Assert.Single(plan.Issues).Code);
    }
}
