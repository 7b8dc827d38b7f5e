using ConfigLang.Evaluator.Lowering;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// The user's search path as Nix 2.8 builds it for <c>builtins.nixPath</c>: the <c>-I</c> entries,
/// then <c>NIX_PATH</c> (or, when it is unset, Nix's default channel folders that exist), each
/// split at its first <c>=</c> into prefix and path, kept as written (not made absolute).
/// </summary>
public static class SearchPathEntries
{
    /// <summary>Where Nix keeps its state (<c>settings.nixStateDir</c>); the default channels live under it.</summary>
    private const string NixStateDirectory = "/nix/var/nix";

    /// <summary>The entries of <c>builtins.nixPath</c>, in Nix's order.</summary>
    public static IReadOnlyList<(string Prefix, string Path)> Of(EvaluatorOptions options)
    {
        var entries = new List<string>(options.SearchPath);
        entries.AddRange(options.EnvironmentVariables.TryGetValue("NIX_PATH", out var nixPath)
            ? ParseNixPath(nixPath)
            : DefaultNixPath(options.Home));
        return entries.Select(Split).ToArray();
    }

    /// <summary><c>prefix=path</c> split at the first <c>=</c>; no <c>=</c> means an empty prefix.</summary>
    public static (string Prefix, string Path) Split(string entry)
    {
        var eq = entry.IndexOf('=');
        return eq < 0 ? ("", entry) : (entry[..eq], entry[(eq + 1)..]);
    }

    /// <summary>
    /// Nix's <c>parseNixPath</c>: entries separated by <c>:</c>, except the <c>:</c> of a URL
    /// (<c>nixpkgs=https://…</c>, <c>channel:…</c>); empty entries between two colons are kept,
    /// a trailing colon adds none.
    /// </summary>
    public static IReadOnlyList<string> ParseNixPath(string text)
    {
        var result = new List<string>();
        var p = 0;
        while (p < text.Length)
        {
            var start = p;
            var pathStart = p;
            while (p < text.Length && text[p] != ':')
            {
                if (text[p] == '=') pathStart = p + 1;
                p++;
            }
            if (p == text.Length)
            {
                if (p != start) result.Add(text[start..p]);
                break;
            }
            if (IsUri(text[pathStart..]))
            {
                p++;
                while (p < text.Length && text[p] != ':') p++;
            }
            result.Add(text[start..p]);
            if (p == text.Length) break;
            p++;
        }
        return result;
    }

    /// <summary>Nix's <c>isUri</c>: a <c>channel:</c> name or a URL of a scheme Nix can fetch.</summary>
    private static bool IsUri(string text)
    {
        if (text.StartsWith("channel:", StringComparison.Ordinal)) return true;
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        return separator >= 0 && text[..separator] is "http" or "https" or "file" or "channel" or "git" or "s3" or "ssh";
    }

    /// <summary>Nix's <c>getDefaultNixPath</c>: the channel folders that exist, used only when <c>NIX_PATH</c> is unset.</summary>
    private static IEnumerable<string> DefaultNixPath(string? home)
    {
        var channels = NixStateDirectory + "/profiles/per-user/root/channels";
        if (home is not null && PathUtilities.Exists(home + "/.nix-defexpr/channels")) yield return home + "/.nix-defexpr/channels";
        if (PathUtilities.Exists(channels + "/nixpkgs")) yield return "nixpkgs=" + channels + "/nixpkgs";
        if (PathUtilities.Exists(channels)) yield return channels;
    }
}
