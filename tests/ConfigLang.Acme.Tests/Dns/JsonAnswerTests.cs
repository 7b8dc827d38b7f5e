using System.Text.Json;
using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>What a misshapen answer's error says, and what it never quotes.</summary>
public sealed class JsonAnswerTests
{
    private const string Secret = "s3cret-token-value-0123456789";

    private static DnsProviderException Error(string json, Func<JsonAnswer, object> read, bool quoted = true)
    {
        using var document = JsonDocument.Parse(json);
        var answer = JsonAnswer.Of("someprovider", new SecretRedactor([Secret]), document, "create TXT _acme-challenge.x", quoted);
        return Assert.Throws<DnsProviderException>(() => read(answer));
    }

    [Fact]
    public void A_missing_a_null_and_a_wrong_kind_member_are_named_by_their_path()
    {
        Assert.Equal("someprovider: create TXT _acme-challenge.x: answer without result.id (answer: {\"result\":{}})",
            Error("{\"result\":{}}", a => a.Object("result").String("id")).Message);
        Assert.Equal("someprovider: create TXT _acme-challenge.x: answer's result is null (answer: {\"result\":null})",
            Error("{\"result\":null}", a => a.Object("result").String("id")).Message);
        Assert.Equal("someprovider: create TXT _acme-challenge.x: answer's domains[1].name is a number, not a string (answer: {\"domains\":[{\"name\":\"a\"},{\"name\":7}]})",
            Error("{\"domains\":[{\"name\":\"a\"},{\"name\":7}]}", a => a.Array("domains").Select(d => d.String("name")).ToList()).Message);
        Assert.Equal("someprovider: create TXT _acme-challenge.x: answer's top level is a list, not an object (answer: [])",
            Error("[]", a => a.Int64("id")).Message);
    }

    [Fact]
    public void The_quoted_answer_is_cut_short_after_redaction_and_left_out_where_asked()
    {
        // The secret straddles the cut: cut first, its start would escape the redactor.
        var json = "{\"padding\":\"" + new string('x', 170) + "\",\"token\":\"" + Secret + "\",\"more\":\"" + new string('y', 50) + "\"}";

        var error = Error(json, a => a.String("id"));
        var unquoted = Error(json, a => a.String("id"), quoted: false);

        Assert.DoesNotContain(Secret[..6], error.Message);
        Assert.Contains("***", error.Message);
        Assert.EndsWith("...)", error.Message);
        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Equal("someprovider: create TXT _acme-challenge.x: answer without id", unquoted.Message);
    }
}
