using System.Reflection;
using System.Security.Cryptography;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// Puts the library written in the language (embedded in this assembly) on disk, once per
/// content, so that the search path entries <c>configlang=DIR</c> and <c>nixpkgs=DIR</c> make
/// <c>import &lt;configlang/lib&gt;</c> and <c>import &lt;nixpkgs/lib&gt;</c> load it.
/// </summary>
public static class LibraryFiles
{
    // Logical resource names map to folders under the root: lib/ (this library) and modules/
    // (the option library written in the language, src/Modules/Library).
    private static readonly (string Prefix, string Folder)[] Folders = [("configlang-lib/", "lib"), ("configlang-modules/", "modules")];
    private static readonly Lazy<string> Root = new(Extract);

    /// <summary>The folder that holds <c>lib/default.nix</c>.</summary>
    public static string Directory => Root.Value;

    /// <summary>Whether <paramref name="path"/> is a file of the built-in library (not the user's).</summary>
    public static bool Contains(string path) =>
        path.StartsWith(Directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>The search-path entries (<c>name=path</c>) to give the evaluator.</summary>
    public static IReadOnlyList<(string Prefix, string Path)> SearchPath =>
        [("configlang", Directory), ("nixpkgs", Directory)];

    /// <summary>How a file is named to people: a library file as <c>&lt;configlang/…&gt;</c> (the folder it
    /// is unpacked to is an accident of the machine), any other path as it is. The evaluator names
    /// the sources it reads the same way (<see cref="ConfigLang.Evaluator.Runtime.LibraryFileNames"/>).</summary>
    public static string DisplayName(string path) =>
        // Not unpacked in this process: no path of it can have been read, and naming one must not unpack it.
        !Root.IsValueCreated ? path : ConfigLang.Evaluator.Runtime.LibraryFileNames.Of(path, SearchPath.Select(e => $"{e.Prefix}={e.Path}"));

    private static string Extract()
    {
        var assembly = typeof(LibraryFiles).Assembly;
        var files = assembly.GetManifestResourceNames()
            .SelectMany(n => Folders.Where(f => n.StartsWith(f.Prefix, StringComparison.Ordinal))
                .Select(f => (Name: f.Folder + "/" + n[f.Prefix.Length..].Replace('\\', '/'), Resource: n)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        // Every run (eval too) asks for the folder, and it is almost always there already: the
        // contents are hashed straight from the resources, and copied only to unpack them.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        foreach (var (name, resource) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var stream = assembly.GetManifestResourceStream(resource)!;
            for (int read; (read = stream.Read(buffer)) > 0;) hash.AppendData(buffer, 0, read);
        }
        var id = Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
        var root = Path.Combine(Path.GetTempPath(), "configlang-lib-" + id);
        var libDirectory = Path.Combine(root, "lib");
        if (File.Exists(Path.Combine(libDirectory, "default.nix"))) return root;

        // Write to a private folder first, then move it into place, so readers never see half a library.
        var staging = root + ".tmp-" + Environment.ProcessId;
        foreach (var (name, resource) in files)
        {
            var target = Path.Combine(staging, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, Read(assembly, resource));
        }
        try
        {
            System.IO.Directory.Move(staging, root);
        }
        catch (IOException) when (File.Exists(Path.Combine(libDirectory, "default.nix")))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }
        return root;
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
