namespace ConfigLang.Fuzz;

/// <summary>A mutated input: the seed it came from, its bytes, and the mutations that made it (for reports).</summary>
public sealed record Mutant(SeedInput Seed, byte[] Content, string Mutations);
