using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Crypto;

namespace ConfigLang.Acme.Tests.Crypto;

/// <summary>JWS as ACME needs it: each account key algorithm verifies, thumbprints follow RFC 7638, EAB is an HS256 MAC.</summary>
public sealed class JwsSignerTests
{
    private static readonly Uri Url = new("https://acme.example/new-order");

    [Theory]
    [InlineData(AccountKeyAlgorithm.ES256)]
    [InlineData(AccountKeyAlgorithm.ES384)]
    [InlineData(AccountKeyAlgorithm.RS256)]
    public void The_signature_verifies_with_the_public_jwk_in_the_header(AccountKeyAlgorithm algorithm)
    {
        using var key = AccountKey.Generate(algorithm);

        var jws = JsonDocument.Parse(JwsSigner.Sign(key, "{\"a\":1}", Url, "nonce-1", accountUrl: null)).RootElement;

        var protectedPart = jws.GetProperty("protected").GetString()!;
        var payloadPart = jws.GetProperty("payload").GetString()!;
        var header = JsonDocument.Parse(Base64Url.Decode(protectedPart)).RootElement;
        Assert.Equal(algorithm.ToString(), header.GetProperty("alg").GetString());
        Assert.Equal("nonce-1", header.GetProperty("nonce").GetString());
        Assert.Equal(Url.AbsoluteUri, header.GetProperty("url").GetString());
        var signed = Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart);
        var signature = Base64Url.Decode(jws.GetProperty("signature").GetString()!);
        Assert.True(Verify(header.GetProperty("jwk"), signed, signature));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(Base64Url.Decode(payloadPart)));
    }

    [Fact]
    public void After_registration_the_header_carries_kid_instead_of_jwk_and_post_as_get_has_an_empty_payload()
    {
        using var key = AccountKey.Generate(AccountKeyAlgorithm.ES256);

        var jws = JsonDocument.Parse(JwsSigner.Sign(key, "", Url, "n", new Uri("https://acme.example/acct/7"))).RootElement;

        var header = JsonDocument.Parse(Base64Url.Decode(jws.GetProperty("protected").GetString()!)).RootElement;
        Assert.Equal("https://acme.example/acct/7", header.GetProperty("kid").GetString());
        Assert.False(header.TryGetProperty("jwk", out _));
        Assert.Equal("", jws.GetProperty("payload").GetString());
    }

    [Fact]
    public void The_thumbprint_of_the_rfc7638_example_key_is_the_published_one()
    {
        // RFC 7638 §3.1.
        const string n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.Decode(n), Exponent = Base64Url.Decode("AQAB") });
        using var key = new RsaAccountKey(rsa);

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", key.Thumbprint());
        Assert.Equal("token." + key.Thumbprint(), key.KeyAuthorization("token"));
    }

    [Fact]
    public void External_account_binding_is_an_hs256_mac_over_the_account_jwk_for_the_newAccount_url()
    {
        using var key = AccountKey.Generate(AccountKeyAlgorithm.ES256);
        var macKey = RandomNumberGenerator.GetBytes(32);

        var jws = JsonDocument.Parse(JwsSigner.SignExternalAccountBinding(key, "kid-1", macKey, Url)).RootElement;

        var protectedPart = jws.GetProperty("protected").GetString()!;
        var payloadPart = jws.GetProperty("payload").GetString()!;
        var header = JsonDocument.Parse(Base64Url.Decode(protectedPart)).RootElement;
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal("kid-1", header.GetProperty("kid").GetString());
        Assert.False(header.TryGetProperty("nonce", out _));
        Assert.Equal(key.PublicJwkJson, Encoding.UTF8.GetString(Base64Url.Decode(payloadPart)));
        var expected = HMACSHA256.HashData(macKey, Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart));
        Assert.Equal(Base64Url.Encode(expected), jws.GetProperty("signature").GetString());
    }

    [Fact]
    public void An_external_account_binding_never_prints_its_mac_key()
    {
        var binding = new ConfigLang.Acme.Protocol.ExternalAccountBinding("kid-1", "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajV");

        Assert.DoesNotContain("zWNDZM6e", binding.ToString());
        Assert.Contains("kid-1", binding.ToString());
    }

    [Theory]
    [InlineData(AccountKeyAlgorithm.ES256)]
    [InlineData(AccountKeyAlgorithm.ES384)]
    [InlineData(AccountKeyAlgorithm.RS256)]
    public void An_account_key_survives_a_pem_round_trip(AccountKeyAlgorithm algorithm)
    {
        using var key = AccountKey.Generate(algorithm);

        using var again = AccountKey.FromPem(key.ExportPem());

        Assert.Equal(algorithm, again.Algorithm);
        Assert.Equal(key.Thumbprint(), again.Thumbprint());
    }

    private static bool Verify(JsonElement jwk, byte[] data, byte[] signature)
    {
        if (jwk.GetProperty("kty").GetString() == "EC")
        {
            var p384 = jwk.GetProperty("crv").GetString() == "P-384";
            using var ec = ECDsa.Create(new ECParameters
            {
                Curve = p384 ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.Decode(jwk.GetProperty("x").GetString()!), Y = Base64Url.Decode(jwk.GetProperty("y").GetString()!) },
            });
            return ec.VerifyData(data, signature, p384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256);
        }
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.Decode(jwk.GetProperty("n").GetString()!), Exponent = Base64Url.Decode(jwk.GetProperty("e").GetString()!) });
        return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
