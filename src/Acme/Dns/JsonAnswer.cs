using System.Globalization;
using System.Text.Json;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// A DNS API's JSON answer read in the shape the provider expects. A member that is missing or of
/// another kind is a <see cref="DnsProviderException"/> naming the provider, the call and the
/// member's path (<c>result.id</c>, <c>domains[2].name</c>): an API change, a proxy's error page or a
/// hostile endpoint then says what was wrong where, instead of "The given key was not present in
/// the dictionary." The answer is quoted only redacted and cut short, and not at all where it may
/// hold secrets the redactor does not know yet (a token endpoint's).
/// </summary>
internal readonly struct JsonAnswer
{
    private readonly Source _source;

    private JsonAnswer(Source source, JsonElement element, string path)
    {
        _source = source;
        Element = element;
        Path = path;
    }

    /// <summary>Where an answer came from, for its errors: the provider, the call, the redactor and the whole answer.</summary>
    private sealed record Source(string Provider, string What, SecretRedactor Redactor, JsonElement Root, bool Quoted);

    public JsonElement Element { get; }

    /// <summary>The path from the answer's root; empty at the root.</summary>
    public string Path { get; }

    /// <summary>The root of <paramref name="document"/>, the answer to <paramref name="what"/>; no answer at all is an error too.</summary>
    /// <param name="quoted">Whether errors may quote the start of the answer.</param>
    public static JsonAnswer Of(string provider, SecretRedactor redactor, JsonDocument? document, string what, bool quoted = true)
    {
        if (document is null) throw new DnsProviderException(provider, redactor.Redact($"{what}: empty answer"));
        return new JsonAnswer(new Source(provider, what, redactor, document.RootElement, quoted), document.RootElement, "");
    }

    /// <summary>The member <paramref name="name"/>, which must be there and not null.</summary>
    public JsonAnswer Member(string name) =>
        MemberOrNull(name) ?? throw Fail(Element.TryGetProperty(name, out _) ? $"answer's {Child(name)} is null" : $"answer without {Child(name)}");

    /// <summary>The member <paramref name="name"/>; null when it is absent or null.</summary>
    public JsonAnswer? MemberOrNull(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonAnswer(_source, value, Child(name))
            : null;
    }

    /// <summary>The object at <paramref name="name"/>.</summary>
    public JsonAnswer Object(string name) => Member(name).Kind(JsonValueKind.Object, "an object");

    /// <summary>The object at <paramref name="name"/>; null when absent or null.</summary>
    public JsonAnswer? ObjectOrNull(string name) => MemberOrNull(name)?.Kind(JsonValueKind.Object, "an object");

    /// <summary>The string at <paramref name="name"/>.</summary>
    public string String(string name) => Member(name).AsString();

    /// <summary>The string at <paramref name="name"/>; null when absent or null.</summary>
    public string? StringOrNull(string name) => MemberOrNull(name)?.AsString();

    /// <summary>The integer at <paramref name="name"/>.</summary>
    public long Int64(string name) => Member(name).AsInt64();

    /// <summary>The integer at <paramref name="name"/>; null when absent or null.</summary>
    public int? Int32OrNull(string name) => MemberOrNull(name)?.AsInt32();

    /// <summary>An id at <paramref name="name"/> that APIs send as a number or a string; as text.</summary>
    public string Id(string name)
    {
        var value = Member(name);
        return value.Element.ValueKind == JsonValueKind.Number
            ? value.AsInt64().ToString(CultureInfo.InvariantCulture)
            : value.AsString();
    }

    /// <summary>The items of the array at <paramref name="name"/>.</summary>
    public IEnumerable<JsonAnswer> Array(string name) => Member(name).Items();

    /// <summary>The items of the array at <paramref name="name"/>; none when it is absent (APIs that leave out empty lists), but null is an error.</summary>
    public IEnumerable<JsonAnswer> ArrayOrEmpty(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        return Element.TryGetProperty(name, out _) ? Array(name) : [];
    }

    /// <summary>The items of this array.</summary>
    public IEnumerable<JsonAnswer> Items()
    {
        RequireKind(JsonValueKind.Array, "a list");
        var source = _source;
        var path = Path;
        return Element.EnumerateArray().Select((item, index) => new JsonAnswer(source, item, $"{path}[{index}]"));
    }

    /// <summary>This value as a string.</summary>
    public string AsString()
    {
        RequireKind(JsonValueKind.String, "a string");
        return Element.GetString()!;
    }

    /// <summary>This value as an integer.</summary>
    public long AsInt64()
    {
        RequireKind(JsonValueKind.Number, "an integer");
        return Element.TryGetInt64(out var value) ? value : throw Fail($"answer's {Describe()} is not a whole number in range");
    }

    /// <summary>This value as a 32-bit integer (a TTL, a page count).</summary>
    public int AsInt32()
    {
        RequireKind(JsonValueKind.Number, "an integer");
        return Element.TryGetInt32(out var value) ? value : throw Fail($"answer's {Describe()} is not a whole number in range");
    }

    /// <summary>An error about this answer: <paramref name="problem"/> after the call, then the start of the answer.</summary>
    public DnsProviderException Fail(string problem)
    {
        var redactor = _source.Redactor;
        if (!_source.Quoted) return new DnsProviderException(_source.Provider, redactor.Redact($"{_source.What}: {problem}"));
        var quoted = RedactedExcerpt.Head(redactor, _source.Root.GetRawText(), RedactedExcerpt.AnswerLength);
        return new DnsProviderException(_source.Provider, redactor.Redact($"{_source.What}: {problem} (answer: {quoted})"));
    }

    private JsonAnswer Kind(JsonValueKind kind, string expected)
    {
        RequireKind(kind, expected);
        return this;
    }

    private void RequireKind(JsonValueKind kind, string expected)
    {
        if (Element.ValueKind != kind) throw Fail($"answer's {Describe()} is {KindName(Element.ValueKind)}, not {expected}");
    }

    private string Child(string name) => Path.Length == 0 ? name : Path + "." + name;

    private string Describe() => Path.Length == 0 ? "top level" : Path;

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
