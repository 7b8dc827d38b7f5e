namespace ConfigLang.Acme.HostConfig;

/// <summary>A generated file, whether this run changed it, and where a file ConfigLang had not written was kept.</summary>
public sealed record GeneratedFile(string Path, bool Changed)
{
    /// <summary>The dated copy of the file that was there before, when ConfigLang had not written it (no <see cref="GeneratedFileWriter.Marker"/>).</summary>
    public string? BackupPath { get; init; }
}
