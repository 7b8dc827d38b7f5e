using System.Text.Json.Serialization;

namespace ConfigLang.Acme.Crypto;

/// <summary>Source-generated metadata for quoting plain strings without reflection.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class AcmeStringJsonContext : JsonSerializerContext;
