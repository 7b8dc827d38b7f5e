using System.Security.Cryptography;
using System.Text;
using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Runtime.Store;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Files and the search path: <c>import</c>, <c>readFile</c>, <c>readDir</c>, <c>findFile</c>, …</summary>
internal static class FileBuiltins
{
    /// <summary>Where <c>&lt;nix/…&gt;</c> resolves, as Nix's built-in "corepkgs".</summary>
    public const string CorePackagesPrefix = "/__corepkgs__/";

    public static void Register(BuiltinRegistry r)
    {
        r.Add("import", 1, (i, a, s) => i.Import(i.CoerceToOpenablePath(a[0], s, "getting status of"), s), global: true);
        r.Add("scopedImport", 2, (i, a, s) => i.ScopedImport(i.ForceAttrs(a[0], s), i.CoerceToOpenablePath(a[1], s, "getting status of"), s), global: true);
        r.Add("path", 1, PathBuiltin);
        r.Add("readFile", 1, (i, a, s) =>
        {
            var path = i.CoerceToOpenablePath(a[0], s, "opening file");
            string text;
            try
            {
                // The bytes as they are: a file need not be UTF-8 (nor lose a byte-order mark).
                text = i.Files.ReadAllByteText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw EvaluationException.SystemError($"opening file '{path}': No such file or directory", s);
            }
            // A Nix string cannot hold NUL; Nix 2.8 refuses such a file with these words.
            if (text.Contains('\0'))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"the contents of the file '{path}' cannot be represented as a Nix string", s);
            }
            return StringValue.Of(text);
        });
        r.Add("readDir", 1, (i, a, s) =>
        {
            var path = i.CoerceToOpenablePath(a[0], s, "opening directory");
            if (!i.Files.IsDirectory(path))
            {
                // What opendir(3) says: something that exists (a link followed) but is no directory, or nothing.
                var reason = i.Files.Resolves(path) ? "Not a directory" : "No such file or directory";
                throw EvaluationException.SystemError($"opening directory '{path}': {reason}", s);
            }
            var builder = new AttrSetBuilder();
            foreach (var (name, kind) in i.Files.ReadDirectory(path)) builder.Add(ByteText.FromUnicode(name), StringValue.Of(kind));
            return builder.Build();
        });
        r.Add("pathExists", 1, (i, a, s) =>
        {
            var path = i.RealisePath(a[0], s, out var written);
            return BoolValue.Of(i.Files.Exists(path) && !i.Files.NamesNonDirectoryAsFolder(written, path));
        });
        r.Add("toPath", 1, (i, a, s) => StringValue.FromUnicode(i.CoerceToPath(a[0], s)));
        r.Add("storePath", 1, StorePath);
        r.Add("toFile", 2, (i, a, s) =>
        {
            var name = i.ForceStringNoContext(a[0], s);
            // A string, not coerced (Nix 2.8's forceString): a path or a set is refused.
            var contents = i.ForceString(a[1], s);
            var type = new StringBuilder("text");
            foreach (var reference in contents.Context ?? [])
            {
                // A file in the store can refer to other files but not to a derivation or its
                // outputs (`!out!…drv`, `=…drv`), which Nix 2.8 would have to build first.
                if (reference[0] != '/')
                {
                    throw EvaluationException.Create(EvaluationDiagnostics.General,
                        $"in 'toFile': the file named '{ByteText.ToUnicode(name)}' must not contain a reference to a derivation but contains ({ByteText.ToUnicode(reference)})", s);
                }
                type.Append(':').Append(reference);
            }
            var bytes = ByteText.ToBytes(contents.Text);
            var path = StorePaths.MakeStorePath(type.ToString(), SHA256.HashData(bytes), name);
            i.Files.Store.Add(path, new StoreFile(bytes), s);
            return new StringValue(path, [path]);
        });
        r.Add("filterSource", 2, (i, a, s) =>
        {
            // The path first, as newer Nix does (Nix 2.8 checked the filter first); the filter's message is Nix 2.8's.
            var path = i.CoerceToPath(a[1], s);
            if (a[0].Force() is var filter && !filter.IsFunction)
            {
                throw EvaluationException.Type($"first argument in call to 'filterSource' is not a function but {filter.Describe()}", s);
            }
            return AddPath(i, path, PathUtilities.BaseNameOf(path), a[0], recursive: true, s);
        });
        r.Add("findFile", 2, FindFile);
        r.AddValue("nixPath", NixPath(r.Interpreter.Options));
    }

    /// <summary><c>builtins.storePath</c>: a path inside a store object this evaluation produced, with that object as its context.</summary>
    private static Value StorePath(Interpreter i, Value[] a, SourceLocation? s)
    {
        var path = i.CoerceToPath(a[0], s);
        if (!EvaluationStore.Holds(path) || path == StorePaths.StoreDirectory)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"path '{path}' is not in the Nix store", s);
        }
        if (!i.Files.Exists(path))
        {
            throw EvaluationException.SystemError($"getting status of '{path}': No such file or directory", s);
        }
        var slash = path.IndexOf('/', StorePaths.StoreDirectory.Length + 1);
        return new StringValue(path, [slash < 0 ? path : path[..slash]]);
    }

    /// <summary>The user's search path (<see cref="SearchPathEntries"/>) as <c>[ { path; prefix; } ]</c>.</summary>
    private static ListValue NixPath(EvaluatorOptions options) =>
        ListValue.Of(SearchPathEntries.Of(options)
            .Select(e => (Value)new AttrSetValue([Symbols.Path, Symbols.Prefix], [StringValue.FromUnicode(e.Path), StringValue.FromUnicode(e.Prefix)], null))
            .ToArray());

    /// <summary><c>builtins.path { path; name ?; filter ?; recursive ?; sha256 ?; }</c>: the filtered copy, added to the evaluation's store.</summary>
    private static Value PathBuiltin(Interpreter i, Value[] a, SourceLocation? s)
    {
        var args = i.ForceAttrs(a[0], s);
        var pathValue = args.Get(Symbols.Path)
            ?? throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, "missing required 'path' attribute in the first argument to builtins.path", s);
        var path = i.CoerceToPath(pathValue, s);
        // An empty name is no name (Nix 2.8 uses the path's then); the expected hash is checked for context only.
        var name = args.Get(Symbols.Name) is { } n ? i.ForceStringNoContext(n, args.PositionOf(Symbols.Name) ?? s) : "";
        if (name.Length == 0) name = PathUtilities.BaseNameOf(path);
        if (args.Get("sha256") is { } sha256) i.ForceStringNoContext(sha256, args.PositionOf(Symbol.Intern("sha256")) ?? s);
        var recursive = args.Get("recursive") is not { } r || i.ForceBool(r, s);
        return AddPath(i, path, name, args.Get("filter"), recursive, s);
    }

    /// <summary>What <c>builtins.path</c> and <c>filterSource</c> share: <paramref name="path"/> added to the
    /// store as <paramref name="name"/>, recursively (filtered by the Nix function <paramref name="filter"/>) or as one flat file.</summary>
    private static StringValue AddPath(Interpreter i, string path, string name, Value? filter, bool recursive, SourceLocation? s)
    {
        if (!i.Files.Resolves(path))
        {
            throw EvaluationException.SystemError($"getting status of '{path}': No such file or directory", s);
        }
        string storePath;
        if (recursive)
        {
            Func<string, string, bool>? include = filter is null ? null
                : (p, type) => i.ForceBool(i.Call(i.Call(filter, StringValue.FromUnicode(p), s), StringValue.Of(type), s), s);
            try
            {
                storePath = i.AddToStore(path, name, include, s);
            }
            catch (EvaluationException e) when (!e.IsStackOverflow && filter is not null)
            {
                throw e.AddFrame($"while adding path '{path}'", s);
            }
        }
        else
        {
            // Copied (not read whole) so that a file too large for the store fails before it is read.
            StoreObject copy;
            try
            {
                copy = i.Files.Copy(path, filter: null, s);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw EvaluationException.SystemError($"opening file '{path}': {e.Message}", s);
            }
            var contents = copy is StoreFile file ? file.Contents
                : throw EvaluationException.SystemError($"opening file '{path}': not a regular file, which a flat copy (recursive = false) needs", s);
            var inner = SHA256.HashData(Encoding.UTF8.GetBytes($"fixed:out:sha256:{Convert.ToHexStringLower(SHA256.HashData(contents))}:"));
            storePath = StorePaths.MakeStorePath("output:out", inner, name);
            i.Files.Store.Add(storePath, new StoreFile(contents), s);
        }
        return new StringValue(storePath, [storePath]);
    }

    /// <summary>
    /// Nix's <c>findFile</c>: the first entry of the list whose prefix matches and under which the
    /// file exists; then the host's library entries (hidden from <c>builtins.nixPath</c>); then,
    /// as Nix does last, <c>&lt;nix/…&gt;</c> in the built-in corepkgs. As Nix 2.8, every entry's
    /// prefix and path are read (and their errors reported) before the name and the search.
    /// </summary>
    private static Value FindFile(Interpreter i, Value[] a, SourceLocation? s)
    {
        var items = i.ForceList(a[0], s).Items;
        var entries = new (string Prefix, string Root)[items.Length];
        for (var k = 0; k < items.Length; k++)
        {
            var entry = i.ForceAttrs(items[k], s);
            var prefix = entry.Get(Symbols.Prefix) is { } p ? ByteText.ToUnicode(i.ForceStringNoContext(p, s)) : "";
            var pathValue = entry.Get(Symbols.Path)
                ?? throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, "attribute 'path' missing", s);
            string[]? context = null;
            entries[k] = (prefix, ByteText.ToUnicode(i.CoerceToString(pathValue, s, ref context, copyToStore: false)));
        }
        var name = ByteText.ToUnicode(i.ForceStringNoContext(a[1], s));
        foreach (var (prefix, root) in entries)
        {
            if (Suffix(prefix, name) is { } suffix && Existing(i, root, suffix) is { } found) return new PathValue(found);
        }
        foreach (var (prefix, root) in i.Options.LibrarySearchPath.Select(SearchPathEntries.Split))
        {
            if (Suffix(prefix, name) is { } suffix && Existing(i, root, suffix) is { } found) return new PathValue(found);
        }
        if (name.StartsWith("nix/", StringComparison.Ordinal)) return new PathValue(CorePackagesPrefix + name[4..]);
        throw EvaluationException.Create(EvaluationDiagnostics.FileSystem,
            $"file '{name}' was not found in the Nix search path (add it using $NIX_PATH or -I)", s, EvaluationErrorKind.Thrown);
    }

    /// <summary>What an entry with <paramref name="prefix"/> appends to its path for <paramref name="name"/>, or null when it does not match.</summary>
    private static string? Suffix(string prefix, string name)
    {
        if (prefix.Length == 0) return "/" + name;
        if (name == prefix) return "";
        return name.StartsWith(prefix + "/", StringComparison.Ordinal) ? name[prefix.Length..] : null;
    }

    private static string? Existing(Interpreter i, string root, string suffix)
    {
        var candidate = PathUtilities.Canonicalize(PathUtilities.Combine(i.Options.CurrentDirectory, root) + suffix);
        try
        {
            return i.Files.Resolves(candidate) ? candidate : null;
        }
        catch (ForbiddenPathException)
        {
            // A search path entry outside the allowed folders is passed over, as if it had nothing there.
            return null;
        }
    }
}
