using System.Text.Json.Serialization;

namespace ConfigLang.Modules.Lib;

/// <summary>Source-generated JSON metadata (AOT-friendly) for the few values this layer serialises.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ModulesJsonContext : JsonSerializerContext;
