using ConfigLang.Acme.Model;
using ConfigLang.Acme.Planning;

namespace ConfigLang.Acme.Tests.Planning;

/// <summary>
/// A request whose name cannot be its directory (built by a caller that skipped the option
/// library's check) is a plan error, never looked up on disk and never an exception.
/// </summary>
public sealed class InvalidCertificateNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static CertificateRequest Named(string name) => Requests.Http("example.org") with { Name = name, SourceTag = new SourceSite(name, 1, 1) };

    [Theory]
    [InlineData("../../../../etc/x")]
    [InlineData("/etc/x")]
    [InlineData(".accounts")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("a\0b")]
    public void The_plan_refuses_the_name_and_reads_nothing_for_it(string name)
    {
        var read = new List<string>();
        var plan = new CertificatePlanner(new FakeClock(Now)).CreatePlan(
            [Named(name), Requests.Http("www.example.net")], n => { read.Add(n); return null; });

        var issue = Assert.Single(plan.Issues, i => i.Code == PlanIssueCodes.InvalidCertificateName);
        Assert.Equal(PlanIssueSeverity.Error, issue.Severity);
        Assert.Equal(name, issue.Certificate);
        Assert.Equal(name, issue.SourceTag!.File);
        Assert.Contains("cannot name its directory", issue.Message);
        Assert.DoesNotContain('\0', issue.Message);
        Assert.True(plan.HasErrors);
        Assert.Equal(["www.example.net"], plan.Steps.Select(s => s.Name));
        Assert.Equal(["www.example.net"], read);
    }

    [Fact]
    public void A_bidi_override_or_line_separator_in_the_name_is_shown_escaped()
    {
        // Not control characters (char.IsControl), yet they reorder or break the line the message is in.
        var issue = Assert.Single(CertificatePlanner.Validate([Named("../\u202egro.elpmaxe\u2028x")]));

        Assert.Equal(PlanIssueCodes.InvalidCertificateName, issue.Code);
        Assert.Contains("certificate name '../\\u202egro.elpmaxe\\u2028x' cannot", issue.Message);
        Assert.Equal("certs.\"../\\u202egro.elpmaxe\\u2028x\"", issue.Subject);
    }

    [Fact]
    public void Validation_without_the_disk_finds_the_same_errors()
    {
        var issues = CertificatePlanner.Validate([Named("a/b"), Requests.Http("example.net") with { RenewInterval = "every full moon" }, Requests.Http("ok.example")]);
        Assert.Equal([PlanIssueCodes.InvalidRenewInterval, PlanIssueCodes.InvalidCertificateName], issues.Select(i => i.Code).Order(StringComparer.Ordinal));
        Assert.Empty(CertificatePlanner.Validate([Requests.Http("ok.example"), Named(new string('a', 255))]));
    }
}
