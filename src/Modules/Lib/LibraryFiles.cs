using System.Reflection;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// Puts the library written in the language (embedded in this assembly) on disk, once per
/// content, so that the search path entries <c>configlang=DIR</c> and <c>nixpkgs=DIR</c> make
/// <c>import &lt;configlang/lib&gt;</c> and <c>import &lt;nixpkgs/lib&gt;</c> load it.
/// </summary>
public static class LibraryFiles
{
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

    private static string Extract() => Unpack(Path.GetTempPath());

    /// <summary>
    /// The library's folder under <paramref name="parent"/>: <c>configlang-lib-UID-ID</c>, ID the
    /// fingerprint of the content, reused when it is there and trusted (<see cref="PrivateFolder"/>),
    /// else unpacked. A folder of that name that is not ours (another user's, a symlink, writable
    /// by others) is never read: this process then unpacks a private copy of its own.
    /// </summary>
    internal static string Unpack(string parent)
    {
        // Every run (eval too) asks for the folder, and it is almost always there already: its name
        // comes from the build (EmbeddedLibrary.Fingerprint), the resources are read only to unpack them.
        var root = Path.Combine(parent, $"configlang-lib-{PrivateFolder.EffectiveUserId}-{EmbeddedLibrary.Fingerprint}");
        if (IsUsable(root)) return root;

        var assembly = typeof(LibraryFiles).Assembly;
        // A resource's name is the prefix and then its path under the folder (lib/…, modules/…):
        // the csproj says where each file goes, once.
        var prefix = EmbeddedLibrary.ResourcePrefix;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (Name: n[prefix.Length..].Replace('\\', '/'), Resource: n))
            .ToList();
        // Unpack into a new private folder (a random name, mode 0700), then move it into place,
        // so readers never see half a library and nothing is written through a name others chose.
        var staging = CreatePrivateFolder(parent);
        foreach (var (name, resource) in files)
        {
            var target = Path.Combine(staging, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, Read(assembly, resource));
        }
        try
        {
            System.IO.Directory.Move(staging, root);
            return root;
        }
        catch (IOException)
        {
            // Another run moved its copy in first, or the name is taken by a folder that is not ours.
            if (!IsUsable(root)) return staging;
            System.IO.Directory.Delete(staging, recursive: true);
            return root;
        }
    }

    private static bool IsUsable(string root) => PrivateFolder.IsTrusted(root) && File.Exists(Path.Combine(root, "lib", "default.nix"));

    private static string CreatePrivateFolder(string parent)
    {
        // ConfigLang runs on Linux (PrivateFolder asks libc); this tells the analyzer so.
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException();
        while (true)
        {
            var path = Path.Combine(parent, "configlang-lib-unpacking-" + Path.GetRandomFileName());
            if (System.IO.Directory.Exists(path) || File.Exists(path)) continue;
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // CreateDirectory also succeeds on a folder that appeared in between: make sure it is ours.
            if (PrivateFolder.IsTrusted(path) && !System.IO.Directory.EnumerateFileSystemEntries(path).Any()) return path;
        }
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
