namespace ConfigLang.Cli.Adapters;

/// <summary>A clock stopped at one instant (<c>--now</c>), so a preview can be asked "what if it were then".</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
