namespace ConfigLang.Acme.HostConfig;

/// <summary>
/// What writing the units did: each file written or left as it was, the units of certificates no
/// longer configured (and the old single configlang-renew units) removed, and what could not be
/// generated, one sentence each.
/// </summary>
public sealed record UnitWriteResult(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Removed, IReadOnlyList<string> Skipped);
