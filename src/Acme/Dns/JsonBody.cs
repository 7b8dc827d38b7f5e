using System.Text;
using System.Text.Json;

namespace ConfigLang.Acme.Dns;

/// <summary>Writes small JSON objects of strings, integers, arrays and nested objects without reflection (AOT-safe).</summary>
internal static class JsonBody
{
    public static string Object(params (string Name, object? Value)[] members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, members);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A top-level JSON array of <paramref name="items"/> (objects as member arrays).</summary>
    public static string Array(params object[] items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteValue(writer, items);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A JSON-RPC call: <c>{"method":M,"params":{...}}</c>.</summary>
    public static string Rpc(string method, params (string Name, object? Value)[] parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            WriteObject(writer, parameters);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter writer, (string Name, object? Value)[] members)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in members)
        {
            if (value is null) continue;
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    /// <summary>Strings, integers, booleans; a member array is a nested object, any other array a JSON array.</summary>
    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case (string, object?)[] nested: WriteObject(writer, nested); break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"unsupported JSON value type {value.GetType().Name}");
        }
    }
}
