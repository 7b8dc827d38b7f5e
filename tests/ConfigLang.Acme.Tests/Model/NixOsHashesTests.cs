using ConfigLang.Acme.Model;

namespace ConfigLang.Acme.Tests.Model;

/// <summary>The hashes must equal NixOS's so state directories it wrote keep their meaning.</summary>
public sealed class NixOsHashesTests
{
    [Fact]
    public void Account_hash_with_null_server_matches_the_nixos_test_directory()
    {
        // nixos/tests/acme: server = null, ec256, hostmaster@example.test -> accounts/1ccf607d9aa280e9af00
        var account = new AccountSpec(null, KeyType.Ec256, "hostmaster@example.test");
        Assert.Equal("1ccf607d9aa280e9af00", account.Hash);
    }

    [Fact]
    public void Account_hash_with_a_server_matches_the_nixos_test_target()
    {
        // nixos/tests/acme: acme-account-d590213ed52603e9128d.target
        var account = new AccountSpec("https://acme.test/dir", KeyType.Ec256, "hostmaster@example.test");
        Assert.Equal("d590213ed52603e9128d", account.Hash);
    }

    [Fact]
    public void Mk_hash_is_the_first_twenty_hex_digits_of_sha256()
    {
        // sha256("") = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        Assert.Equal("e3b0c44298fc1c149afb", NixOsHashes.MkHash(""));
    }

    [Fact]
    public void Domain_hash_puts_extras_first_and_depends_on_order()
    {
        var single = NixOsHashes.DomainHash([Identifier.Dns("example.org")]);
        Assert.Equal(NixOsHashes.MkHash(" example.org"), single);

        var ab = NixOsHashes.DomainHash([Identifier.Dns("example.org"), Identifier.Dns("a.example.org"), Identifier.Dns("b.example.org")]);
        var ba = NixOsHashes.DomainHash([Identifier.Dns("example.org"), Identifier.Dns("b.example.org"), Identifier.Dns("a.example.org")]);
        Assert.Equal(NixOsHashes.MkHash("a.example.org b.example.org example.org"), ab);
        Assert.NotEqual(ab, ba);
    }

    [Fact]
    public void Cert_dir_hash_covers_the_settings_lego_orders_with()
    {
        var request = Requests.Http("example.org");
        var expectedText = " -\n -\n -\nhttps://acme-v02.api.letsencrypt.org/directory \n ec256\n";
        Assert.Equal(NixOsHashes.MkHash(expectedText), request.CertDirHash);

        Assert.NotEqual(request.CertDirHash, (request with { KeyType = KeyType.Rsa2048 }).CertDirHash);
        Assert.NotEqual(request.CertDirHash, (request with { OcspMustStaple = true }).CertDirHash);
        Assert.NotEqual(request.CertDirHash, (request with { Profile = "shortlived" }).CertDirHash);
        Assert.NotEqual(request.CertDirHash, (request with { ExtraLegoFlags = ["--eab"] }).CertDirHash);
        Assert.NotEqual(request.CertDirHash, (request with { Server = "https://acme.test/dir" }).CertDirHash);
        // Not part of the variant: validMinDays, group, reload targets.
        Assert.Equal(request.CertDirHash, (request with { ValidMinDays = 9999, Group = "nginx" }).CertDirHash);
    }
}
