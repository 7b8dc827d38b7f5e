using ConfigLang.Cli.Commands;

namespace ConfigLang.Cli.Tests.Commands;

/// <summary>Where the network timeout comes from: the flag, else CONFIGLANG_TIMEOUT, else 30 s; nonsense is refused by name.</summary>
public sealed class NetworkTimeoutOptionTests
{
    [Theory]
    [InlineData(null, null, 30)]
    [InlineData(null, "", 30)]
    [InlineData(null, "12", 12)]
    [InlineData("2.5", "12", 2.5)]
    [InlineData("3600", null, 3600)]
    public void The_flag_wins_over_the_variable_which_wins_over_the_default(string? flag, string? environment, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), NetworkTimeoutOption.Resolve(flag, environment, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("0", null, "--timeout")]
    [InlineData("", null, "--timeout")]
    [InlineData("1e3", null, "--timeout")]
    [InlineData("3601", null, "--timeout")]
    [InlineData(null, "thirty", "CONFIGLANG_TIMEOUT")]
    [InlineData(null, "-1", "CONFIGLANG_TIMEOUT")]
    public void A_value_that_is_not_a_positive_number_of_seconds_is_an_error_naming_its_source(string? flag, string? environment, string source)
    {
        Assert.Null(NetworkTimeoutOption.Resolve(flag, environment, out var error));
        Assert.StartsWith(source + " must be a number of seconds", error);
    }
}
