using ConfigLang.Acme.Planning;
using ConfigLang.Acme.Scheduling;

namespace ConfigLang.Acme.Tests.Planning;

public sealed class RenewalPolicyTests
{
    private static readonly DateTimeOffset NotAfter = new(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(31.0, 31, false)]
    [InlineData(30.99, 30, true)]
    [InlineData(0.5, 0, true)]
    [InlineData(-0.5, -1, true)]
    public void Whole_days_round_down_like_lego(double daysLeft, long wholeDays, bool due)
    {
        var policy = new RenewalPolicy(30, RenewalTimer.For("daily", 1));
        var now = NotAfter.AddDays(-daysLeft);
        Assert.Equal(wholeDays, RenewalPolicy.WholeDaysLeft(NotAfter, now));
        Assert.Equal(due, policy.IsDue(NotAfter, now));
    }

    [Fact]
    public void Due_from_is_the_first_instant_the_rule_holds()
    {
        var policy = new RenewalPolicy(30, RenewalTimer.For("daily", 1));
        var dueFrom = policy.DueFrom(NotAfter);
        Assert.True(policy.IsDue(NotAfter, dueFrom));
        Assert.False(policy.IsDue(NotAfter, dueFrom.AddTicks(-1)));
    }

    [Fact]
    public void Huge_valid_min_days_is_due_from_the_beginning_of_time()
    {
        var policy = new RenewalPolicy(int.MaxValue, RenewalTimer.For("daily", 1));
        Assert.Equal(DateTimeOffset.MinValue, policy.DueFrom(NotAfter));
    }

    [Fact]
    public void Timer_of_an_invalid_expression_never_elapses()
    {
        var timer = RenewalTimer.For("sometimes", 2);
        Assert.Null(timer.Schedule);
        Assert.Contains("'sometimes' is not a systemd calendar expression", timer.ScheduleError);
        Assert.Null(timer.NextElapse(NotAfter, TimeZoneInfo.Utc));
        Assert.Equal(TimeSpan.FromSeconds(43200), timer.Accuracy);
    }
}
