using System.Runtime.InteropServices;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// Whether a folder in a shared place (the temporary folder) can be trusted by this process: a
/// real folder, not a symlink, owned by the effective user and writable by nobody else. Anyone
/// can create a folder of any name in /tmp beforehand; only these checks tell ours from theirs.
/// </summary>
internal static partial class PrivateFolder
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);

    /// <summary>The effective user id: who the folders must belong to.</summary>
    public static uint EffectiveUserId => GetEffectiveUserId();

    /// <summary>True when <paramref name="path"/> is a folder (not a symlink to one) owned by the effective user, with no write permission for group or others.</summary>
    public static bool IsTrusted(string path)
    {
        // struct statx is kernel ABI: stx_uid (u32) at 20, stx_mode (u16) at 28; 256 bytes.
        Span<byte> buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0) return false;
        var mode = MemoryMarshal.Read<ushort>(buffer[28..]);
        var owner = MemoryMarshal.Read<uint>(buffer[20..]);
        const int directory = 0x4000, groupOrOtherWrite = 0x12; // S_IFDIR; S_IWGRP | S_IWOTH
        return (mode & 0xF000) == directory && owner == EffectiveUserId && (mode & groupOrOtherWrite) == 0;
    }
}
