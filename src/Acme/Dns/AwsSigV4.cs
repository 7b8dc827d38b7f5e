using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConfigLang.Acme.Dns;

/// <summary>AWS credentials as lego reads them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN).</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);

/// <summary>
/// AWS Signature Version 4 on the BCL (no AWS package has a signer that stands alone and trims for
/// Native AOT): the canonical request (method, path, sorted query, signed headers, payload hash),
/// the string to sign over the date/region/service scope, and the HMAC-SHA256 key chain. Checked
/// against AWS's published test-suite signatures.
/// </summary>
public static class AwsSigV4
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (with a session token) and <c>Authorization</c> to the request.</summary>
    public static void Sign(HttpRequestMessage request, byte[] payload, AwsCredentials credentials, string region, string service, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.Authority, ["x-amz-date"] = amzDate };
        request.Headers.Add("X-Amz-Date", amzDate);
        if (credentials.SessionToken is { } token)
        {
            headers["x-amz-security-token"] = token;
            request.Headers.Add("X-Amz-Security-Token", token);
        }
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(request.Method.Method, uri, headers, payload, credentials, region, service));
    }

    /// <summary>The <c>Authorization</c> value for a request with these signed headers (lower-case names; <c>x-amz-date</c> among them).</summary>
    public static string Authorization(string method, Uri uri, IReadOnlyDictionary<string, string> signedHeaders, ReadOnlySpan<byte> payload,
        AwsCredentials credentials, string region, string service)
    {
        var amzDate = signedHeaders["x-amz-date"];
        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";
        var names = signedHeaders.Keys.Order(StringComparer.Ordinal).ToList();
        var canonical = new StringBuilder()
            .Append(method).Append('\n')
            .Append(CanonicalPath(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n');
        foreach (var name in names) canonical.Append(name).Append(':').Append(signedHeaders[name].Trim()).Append('\n');
        canonical.Append('\n').Append(string.Join(';', names)).Append('\n').Append(Hex(SHA256.HashData(payload)));
        var toSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), amzDate[..8]);
        key = Hmac(Hmac(Hmac(key, region), service), "aws4_request");
        var signature = Hex(Hmac(key, toSign));
        return $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', names)}, Signature={signature}";
    }

    // Each segment RFC 3986-encoded once, from its unescaped form.
    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path.Length == 0) return "/";
        return string.Join('/', path.Split('/').Select(segment => Uri.EscapeDataString(Uri.UnescapeDataString(segment))));
    }

    // Parameters sorted by encoded name, then value; names and values RFC 3986-encoded.
    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0) return "";
        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: Encode(parts[0]), Value: Encode(parts.Length > 1 ? parts[1] : "")))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string Encode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component.Replace('+', ' ')));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
