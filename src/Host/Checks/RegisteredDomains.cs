namespace ConfigLang.Host.Checks;

/// <summary>
/// The registered domain of a name (public suffix plus one label), which Let's Encrypt counts
/// its per-domain limits against. The suffixes come from the Public Suffix List where the
/// machine has it (<see cref="PublicSuffixList.DebianPath"/>, Debian's <c>publicsuffix</c>
/// package). <b>Without it, an approximation:</b> every top-level domain counts as a public
/// suffix (the last two labels are the registered domain) and only the common multi-label
/// suffixes listed below are known (e.g. <c>example.co.uk</c>, <c>user.github.io</c>); a name
/// under a suffix not listed is grouped with its parent.
/// </summary>
public static class RegisteredDomains
{
    // A small, hand-picked part of the Public Suffix List (publicsuffix.org): country second
    // levels and hosting domains where each customer gets a subdomain.
    private static readonly HashSet<string> MultiLabelSuffixes = new(StringComparer.Ordinal)
    {
        "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "sch.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "id.au",
        "co.nz", "net.nz", "org.nz", "ac.nz", "govt.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp",
        "co.kr", "or.kr", "co.in", "net.in", "org.in", "co.za", "org.za", "co.il", "org.il",
        "com.br", "net.br", "org.br", "com.cn", "net.cn", "org.cn", "com.hk", "com.tw", "com.sg",
        "com.mx", "com.ar", "com.tr", "com.ua", "com.pl", "co.at", "or.at", "com.es",
        "github.io", "gitlab.io", "netlify.app", "vercel.app", "pages.dev", "workers.dev",
        "herokuapp.com", "appspot.com", "blogspot.com", "azurewebsites.net", "cloudfront.net",
        "duckdns.org", "dyndns.org", "ddns.net", "firebaseapp.com", "web.app", "fly.dev", "onrender.com",
    };

    /// <summary>How the findings that count per registered domain say where the suffixes come from (the same text on every machine).</summary>
    public const string Basis = "registered domains follow the Public Suffix List (" + PublicSuffixList.DebianPath + ", Debian's publicsuffix package) where installed, else a built-in list of common suffixes";

    private static readonly Lazy<PublicSuffixList?> Installed = new(() => PublicSuffixList.Load(PublicSuffixList.DebianPath));

    /// <summary>The registered domain of <paramref name="name"/> (a leading <c>*.</c> ignored),
    /// lower case; the name itself when it is no longer than a public suffix plus one label.</summary>
    public static string Of(string name) => Of(name, Installed.Value);

    /// <summary><see cref="Of(string)"/> with the given list; the built-in approximation when it is null.</summary>
    public static string Of(string name, PublicSuffixList? list)
    {
        var canonical = DnsName.Canonical(name);
        if (canonical.StartsWith("*.", StringComparison.Ordinal)) canonical = canonical[2..];
        var labels = canonical.Split('.');
        var suffixLabels = list?.SuffixLabels(labels) ?? ApproximateSuffixLabels(labels);
        return labels.Length <= suffixLabels + 1 ? canonical : string.Join('.', labels[^(suffixLabels + 1)..]);
    }

    private static int ApproximateSuffixLabels(string[] labels)
    {
        for (var count = labels.Length - 1; count >= 2; count--)
        {
            if (MultiLabelSuffixes.Contains(string.Join('.', labels[^count..]))) return count;
        }
        return 1;
    }
}
