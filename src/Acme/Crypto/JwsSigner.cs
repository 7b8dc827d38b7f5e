using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ConfigLang.Acme.Crypto;

/// <summary>
/// Produces flattened JWS JSON serialisations (RFC 7515 §7.2.2) as ACME requires: the protected
/// header carries alg, nonce, url and either the JWK (before registration) or the account URL
/// as <c>kid</c>. An empty payload means POST-as-GET.
/// </summary>
public static class JwsSigner
{
    public static string Sign(AccountKey key, string payloadJson, Uri url, string nonce, Uri? accountUrl)
    {
        var header = new StringBuilder();
        header.Append("{\"alg\":").Append(JsonString(key.JwsAlgorithm));
        if (accountUrl is null) header.Append(",\"jwk\":").Append(key.PublicJwkJson);
        else header.Append(",\"kid\":").Append(JsonString(accountUrl.AbsoluteUri));
        header.Append(",\"nonce\":").Append(JsonString(nonce));
        header.Append(",\"url\":").Append(JsonString(url.AbsoluteUri)).Append('}');
        var protectedPart = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToString()));
        var payloadPart = payloadJson.Length == 0 ? "" : Base64Url.Encode(Encoding.UTF8.GetBytes(payloadJson));
        var signature = key.Sign(Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart));
        return Flattened(protectedPart, payloadPart, signature);
    }

    /// <summary>
    /// The External Account Binding JWS (RFC 8555 §7.3.4): the account's public JWK as payload,
    /// MACed with the CA-issued key (HS256), no nonce.
    /// </summary>
    public static string SignExternalAccountBinding(AccountKey accountKey, string eabKid, byte[] macKey, Uri newAccountUrl)
    {
        var header = "{\"alg\":\"HS256\",\"kid\":" + JsonString(eabKid) + ",\"url\":" + JsonString(newAccountUrl.AbsoluteUri) + "}";
        var protectedPart = Base64Url.Encode(Encoding.UTF8.GetBytes(header));
        var payloadPart = Base64Url.Encode(Encoding.UTF8.GetBytes(accountKey.PublicJwkJson));
        var signature = HMACSHA256.HashData(macKey, Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart));
        return Flattened(protectedPart, payloadPart, signature);
    }

    private static string Flattened(string protectedPart, string payloadPart, byte[] signature) =>
        "{\"protected\":\"" + protectedPart + "\",\"payload\":\"" + payloadPart + "\",\"signature\":\"" + Base64Url.Encode(signature) + "\"}";

    internal static string JsonString(string value) => JsonSerializer.Serialize(value, AcmeStringJsonContext.Default.String);
}
