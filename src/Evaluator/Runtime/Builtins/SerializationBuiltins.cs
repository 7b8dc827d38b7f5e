using System.Text;
using System.Text.Json;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary><c>toJSON</c>, <c>fromJSON</c>, <c>toXML</c>, <c>fromTOML</c>.</summary>
internal static class SerializationBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("toJSON", 1, (i, a, s) => JsonPrinter.ToJson(i, a[0], s));
        r.Add("toXML", 1, (i, a, s) => XmlPrinter.ToXml(i, a[0], strict: true, location: false, s));
        r.Add("fromJSON", 1, (i, a, s) => FromJson(i.CoerceToStringValue(a[0], s).Text, s));
        r.Add("fromTOML", 1, (i, a, s) => TomlReader.Parse(i.ForceStringNoContext(a[0], s), s,
            timestamps: i.Options.ExperimentalFeatures.Contains("parse-toml-timestamps")), global: true);
    }

    public static Value FromJson(string text, SourceLocation? site)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 100000 });
            if (!reader.Read()) throw new JsonException("unexpected end of input");
            var value = Read(ref reader, site);
            if (reader.Read()) throw new JsonException("unexpected content after the JSON value");
            return value;
        }
        catch (JsonException e)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.Serialization, $"while parsing JSON: {e.Message}", site);
        }
        catch (InvalidOperationException e)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.Serialization, $"while parsing JSON: {e.Message}", site);
        }
    }

    /// <summary>An object's key as a symbol, decoded on the stack when short (no string per key).
    /// A NUL (<c>\u0000</c>) is refused, as in any Nix string.</summary>
    private static Symbol ReadName(ref Utf8JsonReader reader, SourceLocation? site)
    {
        const int StackLimit = 256;
        if (reader.HasValueSequence || reader.ValueSpan.Length > StackLimit) return Symbol.Intern(NulBytes.Rejected(reader.GetString()!, site));
        Span<char> buffer = stackalloc char[StackLimit];
        var name = buffer[..reader.CopyString(buffer)];
        if (name.Contains('\0')) NulBytes.Rejected(name.ToString(), site);
        return Symbol.Intern(name);
    }

    private static Value Read(ref Utf8JsonReader reader, SourceLocation? site)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return NullValue.Instance;
            case JsonTokenType.True: return BoolValue.True;
            case JsonTokenType.False: return BoolValue.False;
            case JsonTokenType.String: return StringValue.Of(NulBytes.Rejected(reader.GetString()!, site));
            case JsonTokenType.Number:
            {
                // An integer unless written with a fraction or exponent; no string per number.
                if (reader.ValueSpan.IndexOfAny(".eE"u8) < 0)
                {
                    if (reader.TryGetInt64(out var l)) return IntValue.Of(l);
                    throw new JsonException($"number {Encoding.UTF8.GetString(reader.ValueSpan)} is out of the range of integers");
                }
                return new FloatValue(reader.GetDouble());
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<Value>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(Read(ref reader, site));
                return ListValue.Of(items.ToArray());
            }
            case JsonTokenType.StartObject:
            {
                var builder = new AttrSetBuilder();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = ReadName(ref reader, site);
                    reader.Read();
                    builder.Add(name, Read(ref reader, site));
                }
                return builder.Build();
            }
            default:
                throw new JsonException($"unexpected token {reader.TokenType}");
        }
    }
}
