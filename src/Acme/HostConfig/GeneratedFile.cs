namespace ConfigLang.Acme.HostConfig;

/// <summary>A generated file and whether this run changed it.</summary>
public sealed record GeneratedFile(string Path, bool Changed);
