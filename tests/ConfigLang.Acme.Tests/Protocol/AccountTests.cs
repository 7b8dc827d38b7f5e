using ConfigLang.Acme.Crypto;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Tests.Testbed;

namespace ConfigLang.Acme.Tests.Protocol;

/// <summary>Accounts against pebble: each key algorithm, lookup, PEM persistence.</summary>
[Collection(SharedTestbedCollection.Name)]
public sealed class AccountTests(SharedTestbedFixture fixture)
{
    [Theory]
    [InlineData(AccountKeyAlgorithm.ES256)]
    [InlineData(AccountKeyAlgorithm.ES384)]
    [InlineData(AccountKeyAlgorithm.RS256)]
    public async Task Pebble_accepts_registration_signed_with_each_algorithm_and_finds_the_account_again(AccountKeyAlgorithm algorithm)
    {
        using var account = AcmeAccount.Generate(algorithm);

        var created = await fixture.Client.RegisterAccountAsync(account, new AccountRegistration { TermsOfServiceAgreed = true, Contact = ["ops@example.test"] });
        var location = account.Location;
        using var lookup = new AcmeAccount(AccountKey.FromPem(account.Key.ExportPem()));
        var found = await fixture.Client.FindAccountAsync(lookup);

        Assert.Equal("valid", created.Status);
        Assert.Equal(["mailto:ops@example.test"], created.Contact);
        Assert.NotNull(found);
        Assert.Equal(location, lookup.Location);
    }

    [Fact]
    public async Task Looking_up_an_unknown_key_finds_nothing()
    {
        using var account = AcmeAccount.Generate();

        Assert.Null(await fixture.Client.FindAccountAsync(account));
        Assert.Null(account.Location);
    }

    [Fact]
    public async Task A_saved_account_key_is_private_to_its_owner_and_registers_as_the_same_account()
    {
        var dir = Directory.CreateTempSubdirectory("acme-account-").FullName;
        try
        {
            var path = Path.Combine(dir, "accounts", "key.pem");
            using var first = AcmeAccount.LoadOrCreate(path);
            await fixture.Client.RegisterAccountAsync(first, new AccountRegistration { TermsOfServiceAgreed = true });
            using var second = AcmeAccount.LoadOrCreate(path);
            await fixture.Client.RegisterAccountAsync(second, new AccountRegistration { TermsOfServiceAgreed = true });

            Assert.Equal(first.Location, second.Location);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Requests_before_registration_are_refused_locally()
    {
        using var account = AcmeAccount.Generate();

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.NewOrderAsync(account, [new("dns", "x.example.test")]));
    }

    [Fact]
    public async Task A_malformed_name_comes_back_as_a_typed_problem_with_the_servers_detail()
    {
        var error = await Assert.ThrowsAsync<AcmeProblemException>(() =>
            fixture.Client.NewOrderAsync(fixture.Account, [new("dns", "not_a valid name!.example.test")]));

        Assert.Contains(error.Kind, new[] { AcmeProblemKind.Malformed, AcmeProblemKind.RejectedIdentifier });
        Assert.False(string.IsNullOrEmpty(error.Problem.Detail));
        Assert.Contains(error.Problem.Detail!, error.Message);
    }

    [Fact]
    public async Task Pebble_offers_neither_renewal_information_nor_profiles_so_asking_for_a_profile_fails_clearly()
    {
        using var certificate = SelfSignedWithAki.Create();

        Assert.Null(await fixture.Client.GetRenewalInfoAsync(certificate));
        var error = await Assert.ThrowsAsync<AcmeException>(() => fixture.Client.NewOrderAsync(fixture.Account, [new("dns", fixture.Testbed.UniqueName("p"))], profile: "shortlived"));
        Assert.Contains("offers no profiles", error.Message);
    }
}
