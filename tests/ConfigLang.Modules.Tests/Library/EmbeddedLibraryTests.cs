using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Tests.Library;

/// <summary>
/// The option library of src/Modules/Library as the assembly carries it: every module of
/// module-list.nix is embedded (tools/ is not), and each host evaluation gets it with a
/// <c>pkgs</c> whose <c>writeText</c> yields a store path.
/// </summary>
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
    public void The_folder_is_named_by_the_hash_of_every_unpacked_file_and_its_content()
    {
        // The id is hashed from the resources without unpacking them; it must still be the hash
        // of what is on disk, so that a changed library never reuses an older folder.
        var root = LibraryFiles.Directory;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.Contains("lib/default.nix", files);
        foreach (var name in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(File.ReadAllBytes(Path.Combine(root, name)));
        }
        var id = Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
        Assert.Equal("configlang-lib-" + id, Path.GetFileName(root.TrimEnd('/')));
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
