namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>The files Nix 2.8 ships inside itself and resolves for <c>&lt;nix/NAME&gt;</c>.</summary>
internal static class CorePackages
{
    /// <summary><c>&lt;nix/fetchurl.nix&gt;</c>: a function, as in Nix, that cannot fetch without a store.</summary>
    private const string FetchUrl = """
        { system ? "", url, hash ? "", sha256 ? "", sha1 ? "", md5 ? "", outputHash ? "", outputHashAlgo ? ""
        , executable ? false, unpack ? false, name ? baseNameOf (toString url), impure ? false }:
        throw "fetchurl needs a Nix store, which ConfigLang does not have"
        """;

    public static string? Find(string name) => name switch
    {
        "fetchurl.nix" => FetchUrl,
        _ => null,
    };
}
