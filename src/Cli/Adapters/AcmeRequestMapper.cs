using System.Text.Json;
using ConfigLang.Acme.Model;

namespace ConfigLang.Cli.Adapters;

/// <summary>
/// Turns the resolved <c>security.acme.certs</c> (as JSON from one evaluation, see
/// <see cref="Expression"/>) into <see cref="CertificateRequest"/>s for the planner. Services in
/// <c>configlang.certConsumers</c> become each request's <see cref="CertificateRequest.UsedBy"/>.
/// </summary>
public static class AcmeRequestMapper
{
    /// <summary>The Nix expression (body after <c>cfg = eval.config;</c>) whose JSON <see cref="Map"/> reads.</summary>
    public const string Expression =
        "{ useRoot = cfg.security.acme.useRoot or false; " +
        "certs = builtins.mapAttrs (n: c: { inherit (c) domain extraDomainNames webroot listenHTTP listenTLS dnsProvider dnsResolver " +
        "dnsPropagationCheck environmentFile credentialFiles s3Bucket server email keyType validMinDays renewInterval directory group " +
        "postRun reloadServices ocspMustStaple extraLegoFlags extraLegoRunFlags extraLegoRenewFlags profile csr csrKey; }) cfg.security.acme.certs; " +
        "consumers = map (c: { inherit (c) service cert; }) cfg.configlang.certConsumers; }";

    public static IReadOnlyList<CertificateRequest> Map(JsonElement root)
    {
        var useRoot = root.TryGetProperty("useRoot", out var u) && u.ValueKind == JsonValueKind.True;
        var usedBy = root.GetProperty("consumers").EnumerateArray()
            .GroupBy(c => c.GetProperty("cert").GetString()!, c => c.GetProperty("service").GetString()!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Distinct().Order(StringComparer.Ordinal)]);
        return [.. root.GetProperty("certs").EnumerateObject()
            .Select(p => ToRequest(p.Name, p.Value, useRoot, usedBy.GetValueOrDefault(p.Name, [])))
            .OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static CertificateRequest ToRequest(string name, JsonElement c, bool useRoot, IReadOnlyList<string> usedBy)
    {
        var dnsProvider = Text(c, "dnsProvider");
        var listenTls = Text(c, "listenTLS");
        var kind = dnsProvider is not null ? ChallengeKind.Dns01 : listenTls is not null ? ChallengeKind.TlsAlpn01 : ChallengeKind.Http01;
        return new CertificateRequest
        {
            Name = name,
            Domains = [.. Strings(c, "extraDomainNames").Prepend(Text(c, "domain") ?? name).Select(Identifier.Dns)],
            Challenge = new ChallengeSettings
            {
                Kind = kind,
                Webroot = Text(c, "webroot"),
                ListenHttp = Text(c, "listenHTTP"),
                ListenTls = listenTls,
                DnsProvider = dnsProvider,
                DnsResolver = Text(c, "dnsResolver"),
                DnsPropagationCheck = c.GetProperty("dnsPropagationCheck").GetBoolean(),
                EnvironmentFile = Text(c, "environmentFile"),
                CredentialFiles = c.GetProperty("credentialFiles").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString() ?? ""),
                S3Bucket = Text(c, "s3Bucket"),
            },
            Server = Text(c, "server"),
            Email = Text(c, "email"),
            KeyType = KeyTypes.Parse(Text(c, "keyType") ?? "ec256"),
            ValidMinDays = c.GetProperty("validMinDays").GetInt32(),
            RenewInterval = Text(c, "renewInterval") ?? "daily",
            Directory = Text(c, "directory") ?? "/var/lib/acme/" + name,
            Owner = useRoot ? "root" : "acme",
            Group = Text(c, "group") ?? "acme",
            UsedBy = usedBy,
            PostRun = Text(c, "postRun") ?? "",
            ReloadServices = Strings(c, "reloadServices"),
            OcspMustStaple = c.GetProperty("ocspMustStaple").GetBoolean(),
            ExtraLegoFlags = Strings(c, "extraLegoFlags"),
            ExtraLegoRunFlags = Strings(c, "extraLegoRunFlags"),
            ExtraLegoRenewFlags = Strings(c, "extraLegoRenewFlags"),
            Profile = Text(c, "profile"),
            Csr = Text(c, "csr"),
            CsrKey = Text(c, "csrKey"),
            SourceTag = name,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(e => e.ToString())] : [];
}
