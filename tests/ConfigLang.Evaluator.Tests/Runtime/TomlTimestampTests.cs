using ConfigLang.Evaluator.Runtime;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>fromTOML dates and times: rejected unless the experimental feature parse-toml-timestamps is on, then normalized as Nix does.</summary>
public sealed class TomlTimestampTests
{
    private static readonly EvaluatorOptions WithTimestamps = new()
    {
        CurrentDirectory = Path.GetTempPath(),
        EnvironmentVariables = new Dictionary<string, string>(),
        ExperimentalFeatures = new HashSet<string> { "parse-toml-timestamps" },
    };

    [Fact]
    public void Without_the_feature_a_date_is_an_error() =>
        Assert.Contains("Dates and times are not supported", Evaluate.Error("builtins.fromTOML \"d = 1979-05-27\""));

    [Theory]
    [InlineData("1979-05-27", "1979-05-27")]
    [InlineData("1979-05-27 07:32:00.1z", "1979-05-27T07:32:00.100Z")]
    [InlineData("1979-05-27t00:32:00.1234-07:00", "1979-05-27T00:32:00.123400-07:00")]
    [InlineData("00:32:00.1234567891", "00:32:00.123456789")]
    public void With_the_feature_a_timestamp_is_a_typed_set(string toml, string value) =>
        Assert.Equal($"{{ d = {{ _type = \"timestamp\"; value = \"{value}\"; }}; }}", Evaluate.Value($"builtins.fromTOML \"d = {toml}\"", WithTimestamps));
}
