using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Build;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Tests.Library;

/// <summary>
/// The option library of src/Modules/Library as the assembly carries it: every module of
/// module-list.nix is embedded (tools/ is not), and each host evaluation gets it with a
/// <c>pkgs</c> whose <c>writeText</c> yields a store path.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmbeddedLibraryTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-library-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Host(string text)
    {
        var path = Path.Combine(_dir.FullName, "host.nix");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_modules_are_extracted_without_the_smoke_test_tools()
    {
        var modules = Path.Combine(LibraryFiles.Directory, "modules");
        Assert.True(File.Exists(Path.Combine(modules, "module-list.nix")));
        Assert.True(File.Exists(Path.Combine(modules, "security", "acme.nix")));
        Assert.True(File.Exists(Path.Combine(modules, "misc", "pkgs.nix")));
        Assert.False(Directory.Exists(Path.Combine(modules, "tools")));
    }

    [Fact]
    public void The_folder_is_named_by_the_user_and_the_fingerprint_of_every_unpacked_file_and_its_content()
    {
        // The id is computed by the build from the embedded files; it must still be the
        // fingerprint of what is on disk, so that a changed library never reuses an older folder.
        var root = LibraryFiles.Directory;
        var fingerprint = new ContentFingerprint();
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.Contains("lib/default.nix", files);
        foreach (var name in files)
        {
            fingerprint.Append(System.Text.Encoding.UTF8.GetBytes(name));
            fingerprint.Append(File.ReadAllBytes(Path.Combine(root, name)));
        }
        Assert.Equal($"configlang-lib-{PrivateFolder.EffectiveUserId}-{fingerprint.Hex}", Path.GetFileName(root.TrimEnd('/')));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
    }

    [Fact]
    public void The_built_in_fingerprint_is_that_of_the_resources_in_this_very_assembly()
    {
        // A folder on disk matches its own name even when the constant is stale; the resources
        // cannot: a library file deleted or renamed without a new fingerprint fails here.
        var assembly = typeof(LibraryFiles).Assembly;
        var fingerprint = new ContentFingerprint();
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedLibrary.ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[EmbeddedLibrary.ResourcePrefix.Length..])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Assert.Contains("lib/default.nix", names);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(EmbeddedLibrary.ResourcePrefix + name)!;
            using var content = new MemoryStream();
            stream.CopyTo(content);
            fingerprint.Append(System.Text.Encoding.UTF8.GetBytes(name));
            fingerprint.Append(content.ToArray());
        }
        Assert.Equal(EmbeddedLibrary.Fingerprint, fingerprint.Hex);
    }

    [Fact]
    public void The_fingerprint_does_not_depend_on_how_the_bytes_are_cut_and_tells_contents_apart()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("let lib = import ./lib; in lib.fix (self: { a = 1; })");
        var whole = new ContentFingerprint();
        whole.Append(bytes);
        foreach (var cut in new[] { 1, 3, 7, 8, 9, 20 })
        {
            var pieces = new ContentFingerprint();
            for (var at = 0; at < bytes.Length; at += cut) pieces.Append(bytes, at, Math.Min(cut, bytes.Length - at));
            Assert.Equal(whole.Hex, pieces.Hex);
        }
        var changed = new ContentFingerprint();
        bytes[^1] ^= 1;
        changed.Append(bytes);
        Assert.NotEqual(whole.Hex, changed.Hex);
        Assert.Matches("^[0-9a-f]{16}$", whole.Hex);
    }

    [Fact]
    public void Unpacking_twice_reuses_the_folder()
    {
        var first = LibraryFiles.Unpack(_dir.FullName);
        // An hour back: unpacking again within the file system's timestamp tick would keep "now" unchanged. Compared
        // with the time as stored, which a file system with coarser timestamps (whole seconds) rounds.
        Directory.SetLastWriteTimeUtc(Path.Combine(first, "lib"), DateTime.UtcNow.AddHours(-1));
        var modified = Directory.GetLastWriteTimeUtc(Path.Combine(first, "lib"));
        Assert.Equal(first, LibraryFiles.Unpack(_dir.FullName));
        Assert.Equal(modified, Directory.GetLastWriteTimeUtc(Path.Combine(first, "lib")));
        Assert.Single(Directory.GetDirectories(_dir.FullName));
    }

    /// <summary>
    /// Anyone may create the library's folder name in /tmp before a root run does: such a folder
    /// (writable by others, a symlink, or another user's) is never read, and nothing is written
    /// into it; the run unpacks a private copy of its own instead.
    /// </summary>
    [Theory]
    [InlineData("writable by others")]
    [InlineData("a symlink")]
    [InlineData("owned by another user")]
    public void A_folder_of_the_library_s_name_that_is_not_ours_is_neither_read_nor_written(string how)
    {
        var expected = LibraryFiles.Unpack(_dir.FullName);
        Directory.Delete(expected, recursive: true);
        var planted = Path.Combine(_dir.FullName, "planted");
        Directory.CreateDirectory(Path.Combine(planted, "lib"));
        File.WriteAllText(Path.Combine(planted, "lib", "default.nix"), "throw \"planted\"");
        switch (how)
        {
            case "writable by others":
                Directory.Move(planted, expected);
                File.SetUnixFileMode(expected, (UnixFileMode)0x1FF); // 0777
                planted = expected;
                break;
            case "a symlink":
                Directory.CreateSymbolicLink(expected, planted);
                break;
            default:
                Directory.Move(planted, expected);
                planted = expected;
                Chown(expected, 65534);
                break;
        }

        var used = LibraryFiles.Unpack(_dir.FullName);

        Assert.NotEqual(expected, used);
        Assert.True(PrivateFolder.IsTrusted(used));
        Assert.Equal(File.ReadAllText(Path.Combine(LibraryFiles.Directory, "lib", "default.nix")), File.ReadAllText(Path.Combine(used, "lib", "default.nix")));
        Assert.Equal("throw \"planted\"", File.ReadAllText(Path.Combine(planted, "lib", "default.nix")));
        Assert.False(File.Exists(Path.Combine(planted, "modules", "module-list.nix")));
    }

    private static void Chown(string path, int user)
    {
        // Tests run as root (as rebuild does); another user's folder needs chown.
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{user}:{user}", path])!;
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }

    [Fact]
    public void Hosts_get_the_library_options_and_a_pkgs_with_write_text()
    {
        var host = Host("""
            { pkgs, ... }: {
              security.acme.acceptTerms = true;
              security.acme.certs."example.org" = { email = "a@example.org"; dnsProvider = "inwx"; environmentFile = pkgs.writeText "creds" "X=1"; };
            }
            """);
        var result = new ConfigurationQuery(new EvaluatorOptions()).Show(host, "security.acme.certs.\"example.org\".environmentFile", json: true);
        Assert.True(result.Succeeded, result.Messages(showTrace: false));
        Assert.Matches("^\"/nix/store/[0-9a-f]{32}-creds\"$", result.Text!.Trim());
    }

    [Fact]
    public void Write_text_paths_depend_on_the_content()
    {
        string PathOf(string content)
        {
            var host = Host($$"""{ pkgs, ... }: { networking.hostName = pkgs.writeText "f" "{{content}}"; }""");
            var result = new ConfigurationQuery(new EvaluatorOptions()).Show(host, "networking.hostName", json: true);
            Assert.True(result.Succeeded, result.Messages(showTrace: false));
            return result.Text!;
        }
        Assert.NotEqual(PathOf("a"), PathOf("b"));
    }
}
