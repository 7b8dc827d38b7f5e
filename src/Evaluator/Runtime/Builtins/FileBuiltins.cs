using System.Security.Cryptography;
using System.Text;
using ConfigLang.Evaluator.Lowering;
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
            try
            {
                // The bytes as they are: a file need not be UTF-8 (nor lose a byte-order mark).
                return StringValue.Of(ByteText.FromBytes(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"opening file '{path}': No such file or directory", s);
            }
        });
        r.Add("readDir", 1, (i, a, s) =>
        {
            var path = i.CoerceToOpenablePath(a[0], s, "opening directory");
            if (!Directory.Exists(path))
            {
                throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"opening directory '{path}': No such file or directory", s);
            }
            var builder = new AttrSetBuilder();
            foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
            {
                builder.Add(ByteText.FromUnicode(entry.Name), StringValue.Of(ReadFileTypeBuiltin.Kind(entry)));
            }
            return builder.Build();
        });
        r.Add("pathExists", 1, (i, a, s) =>
        {
            var path = i.CoerceToPath(a[0], s, out var written);
            return BoolValue.Of(PathUtilities.Exists(path) && !PathUtilities.NamesNonDirectoryAsFolder(written, path));
        });
        r.Add("toPath", 1, (i, a, s) => StringValue.FromUnicode(i.CoerceToPath(a[0], s)));
        r.Add("storePath", 1, (_, _, s) => throw EvaluationException.Create(EvaluationDiagnostics.Unsupported,
            "'builtins.storePath' needs a Nix store, which ConfigLang does not have", s));
        r.Add("toFile", 2, (i, a, s) =>
        {
            var name = i.ForceStringNoContext(a[0], s);
            var contents = i.CoerceToStringValue(a[1], s);
            var type = new StringBuilder("text");
            foreach (var reference in contents.Context ?? []) type.Append(':').Append(reference);
            var path = StorePaths.MakeStorePath(type.ToString(), SHA256.HashData(ByteText.ToBytes(contents.Text)), name);
            return new StringValue(path, [path]);
        });
        r.Add("findFile", 2, FindFile);
        r.AddValue("nixPath", NixPath(r.Interpreter.Options));
    }

    /// <summary>The user's search path (<see cref="SearchPathEntries"/>) as <c>[ { path; prefix; } ]</c>.</summary>
    private static ListValue NixPath(EvaluatorOptions options) =>
        ListValue.Of(SearchPathEntries.Of(options)
            .Select(e => (Value)new AttrSetValue([Symbols.Path, Symbols.Prefix], [StringValue.FromUnicode(e.Path), StringValue.FromUnicode(e.Prefix)], null))
            .ToArray());

    /// <summary><c>builtins.path { path; name ?; filter ?; recursive ?; sha256 ?; }</c>: the store path the
    /// filtered copy would get (computed, not written).</summary>
    private static Value PathBuiltin(Interpreter i, Value[] a, SourceLocation? s)
    {
        var args = i.ForceAttrs(a[0], s);
        var pathValue = args.Get(Symbols.Path)
            ?? throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, "missing required 'path' attribute in the first argument to builtins.path", s);
        var path = i.CoerceToPath(pathValue, s);
        var name = args.Get(Symbols.Name) is { } n ? i.ForceStringNoContext(n, s) : PathUtilities.BaseNameOf(path);
        var recursive = args.Get("recursive") is not { } r || i.ForceBool(r, s);
        var filter = args.Get("filter");
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw EvaluationException.Create(EvaluationDiagnostics.FileSystem, $"getting status of '{path}': No such file or directory", s);
        }
        string storePath;
        if (recursive)
        {
            Func<string, string, bool>? include = filter is null ? null
                : (p, type) => i.ForceBool(i.Call(i.Call(filter, StringValue.FromUnicode(p), s), StringValue.Of(type), s), s);
            storePath = StorePaths.SourcePath(name, StorePaths.NarHash(path, include));
        }
        else
        {
            var contentHash = System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path));
            var inner = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                $"fixed:out:sha256:{Convert.ToHexStringLower(contentHash)}:"));
            storePath = StorePaths.MakeStorePath("output:out", inner, name);
        }
        return new StringValue(storePath, [storePath]);
    }

    /// <summary>
    /// Nix's <c>findFile</c>: the first entry of the list whose prefix matches and under which the
    /// file exists; then the host's library entries (hidden from <c>builtins.nixPath</c>); then,
    /// as Nix does last, <c>&lt;nix/…&gt;</c> in the built-in corepkgs.
    /// </summary>
    private static Value FindFile(Interpreter i, Value[] a, SourceLocation? s)
    {
        var searchPath = i.ForceList(a[0], s);
        var name = ByteText.ToUnicode(i.ForceStringNoContext(a[1], s));
        foreach (var item in searchPath.Items)
        {
            var entry = i.ForceAttrs(item, s);
            var prefix = entry.Get(Symbols.Prefix) is { } p ? ByteText.ToUnicode(i.ForceStringNoContext(p, s)) : "";
            if (Suffix(prefix, name) is not { } suffix) continue;
            var pathValue = entry.Get(Symbols.Path)
                ?? throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, "attribute 'path' missing", s);
            string[]? context = null;
            var root = ByteText.ToUnicode(i.CoerceToString(pathValue, s, ref context, copyToStore: false));
            if (Existing(i.Options, root, suffix) is { } found) return new PathValue(found);
        }
        foreach (var (prefix, root) in i.Options.LibrarySearchPath.Select(SearchPathEntries.Split))
        {
            if (Suffix(prefix, name) is { } suffix && Existing(i.Options, root, suffix) is { } found) return new PathValue(found);
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

    private static string? Existing(EvaluatorOptions options, string root, string suffix)
    {
        var candidate = PathUtilities.Canonicalize(PathUtilities.Combine(options.CurrentDirectory, root) + suffix);
        return File.Exists(candidate) || Directory.Exists(candidate) ? candidate : null;
    }
}
