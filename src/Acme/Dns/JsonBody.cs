using System.Text;
using System.Text.Json;

namespace ConfigLang.Acme.Dns;

/// <summary>Writes small JSON objects of strings and integers without reflection (AOT-safe).</summary>
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
            switch (value)
            {
                case null: break;
                case string s: writer.WriteString(name, s); break;
                case int i: writer.WriteNumber(name, i); break;
                case long l: writer.WriteNumber(name, l); break;
                case bool b: writer.WriteBoolean(name, b); break;
                default: throw new ArgumentException($"unsupported JSON value type {value.GetType().Name}");
            }
        }
        writer.WriteEndObject();
    }
}
