using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests.Model;

public sealed class KeyTypesTests
{
    [Theory]
    [InlineData("ec256", KeyType.Ec256, true, 256)]
    [InlineData("ec384", KeyType.Ec384, true, 384)]
    [InlineData("rsa2048", KeyType.Rsa2048, false, 2048)]
    [InlineData("rsa3072", KeyType.Rsa3072, false, 3072)]
    [InlineData("rsa4096", KeyType.Rsa4096, false, 4096)]
    [InlineData("rsa8192", KeyType.Rsa8192, false, 8192)]
    public void Spelling_round_trips_and_describes_the_key(string text, KeyType type, bool ecdsa, int bits)
    {
        Assert.Equal(type, KeyTypes.Parse(text));
        Assert.Equal(text, KeyTypes.Format(type));
        Assert.Equal(ecdsa, type.IsEcdsa());
        Assert.Equal(bits, type.KeySizeInBits());
        Assert.True(KeyTypes.TryFromKey(ecdsa, bits, out var fromKey));
        Assert.Equal(type, fromKey);
    }

    [Theory]
    [InlineData("EC256")]
    [InlineData("rsa1024")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_spellings_are_rejected(string? text)
    {
        Assert.False(KeyTypes.TryParse(text, out _));
    }

    [Fact]
    public void Parse_error_lists_the_accepted_spellings()
    {
        var error = Assert.Throws<FormatException>(() => KeyTypes.Parse("ed25519"));
        Assert.Contains("ec256, ec384, rsa2048, rsa3072, rsa4096, rsa8192", error.Message);
    }

    [Fact]
    public void Key_sizes_nixos_does_not_know_have_no_key_type()
    {
        Assert.False(KeyTypes.TryFromKey(isEcdsa: true, 521, out _));
        Assert.False(KeyTypes.TryFromKey(isEcdsa: false, 1024, out _));
    }
}
