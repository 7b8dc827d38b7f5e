namespace ConfigLang.Acme.Protocol;

/// <summary>CA-issued key id and MAC key (base64url, as CAs hand them out) for External Account Binding.</summary>
public sealed record ExternalAccountBinding(string KeyId, string HmacKeyBase64Url)
{
    public override string ToString() => $"ExternalAccountBinding {{ KeyId = {KeyId}, HmacKey = *** }}";
}
