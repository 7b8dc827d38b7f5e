namespace ConfigLang.Fuzz;

/// <summary>One file of the seed corpus: <paramref name="Name"/> is relative to its corpus folder, for messages.</summary>
public sealed record SeedInput(string Name, SeedKind Kind, byte[] Content);
