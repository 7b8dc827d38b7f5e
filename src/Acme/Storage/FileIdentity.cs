namespace ConfigLang.Acme.Storage;

/// <summary>
/// Which file an entry is (device and inode): two looks with the same identity saw the same file,
/// whatever names were changed in between.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode);
