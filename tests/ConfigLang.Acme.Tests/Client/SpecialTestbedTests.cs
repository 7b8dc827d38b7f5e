using System.Net;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Client;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;
using static ConfigLang.Acme.Tests.Testbed.IssuedCertificateAssertions;

namespace ConfigLang.Acme.Tests.Client;

/// <summary>
/// Against a private pebble that requires External Account Binding, rejects half of all nonces
/// with badNonce, and issues through two intermediates with two alternate roots.
/// </summary>
[Collection(SpecialTestbedCollection.Name)]
public sealed class SpecialTestbedTests(SpecialTestbedFixture fixture)
{
    private Testbed.Testbed Bed => fixture.Testbed;

    private ExternalAccountBinding Eab => new(Bed.Env["ACME_EAB_KID"], Bed.Env["ACME_EAB_HMAC_KEY"]);

    private async Task<(AcmeClient Client, AcmeAccount Account)> RegisteredAsync()
    {
        var client = Bed.CreateClient();
        var account = AcmeAccount.Generate();
        await client.RegisterAccountAsync(account, new AccountRegistration { TermsOfServiceAgreed = true, Contact = ["eab@example.test"], ExternalAccountBinding = Eab });
        return (client, account);
    }

    [Fact]
    public async Task Registration_without_external_account_binding_is_refused_when_the_server_requires_it()
    {
        using var client = Bed.CreateClient();
        using var account = AcmeAccount.Generate();

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.RegisterAccountAsync(account, new AccountRegistration { TermsOfServiceAgreed = true }));

        Assert.Contains("External Account Binding", error.Message);
        Assert.Null(account.Location);
    }

    [Fact]
    public async Task Registration_with_a_wrong_eab_mac_key_is_rejected_by_the_server()
    {
        using var client = Bed.CreateClient();
        using var account = AcmeAccount.Generate();
        var wrongKey = ConfigLang.Acme.Crypto.Base64Url.Encode(new byte[32]);

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() => client.RegisterAccountAsync(account,
            new AccountRegistration { TermsOfServiceAgreed = true, ExternalAccountBinding = new(Eab.KeyId, wrongKey) }));

        Assert.NotEqual(AcmeProblemKind.BadNonce, error.Kind);
        Assert.False(string.IsNullOrEmpty(error.Problem.Detail));
    }

    [Fact]
    public async Task Registration_with_eab_succeeds_and_the_account_can_order()
    {
        var (client, account) = await RegisteredAsync();
        using var _ = client;
        using var __ = account;
        var name = Bed.UniqueName("eab");
        await using var solver = new ListenerHttp01Solver(new IPEndPoint(IPAddress.Loopback, Bed.Http01Port));

        var issued = await new CertificateOrderer(client, account).ObtainAsync(new CertificateOrderRequest { Names = [name] }, solver);

        Assert.NotNull(account.Location);
        AssertValid(issued, await Bed.RootAsync(), name);
    }

    [Fact]
    public async Task Every_order_succeeds_while_the_server_rejects_half_of_all_nonces()
    {
        var (client, account) = await RegisteredAsync();
        using var _ = client;
        using var __ = account;
        await using var solver = new ListenerHttp01Solver(new IPEndPoint(IPAddress.Loopback, Bed.Http01Port));
        var orders = Enumerable.Range(0, 6).Select(i => (new CertificateOrderRequest { Names = [Bed.UniqueName("nonce" + i)] }, (IChallengeSolver)solver)).ToList();

        var outcomes = await new CertificateOrderer(client, account).ObtainAllAsync(orders, maxConcurrent: 3);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.ToString()));
        Assert.True(client.BadNonceRetries > 0, "pebble rejected no nonce: fault injection is not active");
    }

    [Fact]
    public async Task Alternate_chains_are_offered_and_the_preferred_one_is_chosen_and_verifies_against_its_root()
    {
        var (client, account) = await RegisteredAsync();
        using var _ = client;
        using var __ = account;
        await using var solver = new ListenerHttp01Solver(new IPEndPoint(IPAddress.Loopback, Bed.Http01Port));
        var orderer = new CertificateOrderer(client, account);
        var roots = new[] { await Bed.RootAsync(0), await Bed.RootAsync(1), await Bed.RootAsync(2) };
        var preferredRoot = roots[2];
        var preferredName = preferredRoot.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false);
        var name = Bed.UniqueName("chain");

        var issued = await orderer.ObtainAsync(new CertificateOrderRequest { Names = [name], PreferredChain = preferredName }, solver);

        Assert.Equal(3, issued.AvailableChainIssuers.Count);
        Assert.Equal(preferredName, issued.ChosenChainIssuer);
        AssertValid(issued, preferredRoot, name);
        // Leaf plus two intermediates (PEBBLE_CHAIN_LENGTH=2).
        Assert.Equal(3, CertificateChain.Parse(issued.FullChainPem, new Uri("file:///x")).Certificates.Count);
    }

    [Fact]
    public async Task Without_a_matching_preferred_chain_the_default_chain_is_kept()
    {
        var (client, account) = await RegisteredAsync();
        using var _ = client;
        using var __ = account;
        await using var solver = new ListenerHttp01Solver(new IPEndPoint(IPAddress.Loopback, Bed.Http01Port));
        var name = Bed.UniqueName("nochain");

        var issued = await new CertificateOrderer(client, account).ObtainAsync(new CertificateOrderRequest { Names = [name], PreferredChain = "No Such Root CA" }, solver);

        Assert.Equal(issued.AvailableChainIssuers[0], issued.ChosenChainIssuer);
        AssertValid(issued, await Bed.RootAsync(0), name);
    }
}
