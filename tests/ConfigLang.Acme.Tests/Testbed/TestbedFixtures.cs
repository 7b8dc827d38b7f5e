using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// The shared testbed: CI's (ACME_DIRECTORY_URL + CONFIGLANG_TESTBED_DIR, started with
/// PEBBLE_WFE_NONCEREJECT=0 PEBBLE_AUTHZREUSE=0), else a private one. Holds one registered
/// account, reused by the tests that do not test accounts.
/// </summary>
public sealed class SharedTestbedFixture : IAsyncLifetime
{
    public Testbed Testbed { get; private set; } = null!;

    public AcmeClient Client { get; private set; } = null!;

    public AcmeAccount Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Testbed = Testbed.FromEnvironment() ?? await Testbed.StartAsync();
        Client = Testbed.CreateClient();
        Account = AcmeAccount.Generate();
        await Client.RegisterAccountAsync(Account, new AccountRegistration { Contact = ["tests@example.test"], TermsOfServiceAgreed = true });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Account.Dispose();
        await Testbed.DisposeAsync();
    }
}

/// <summary>
/// A private testbed with the fault and feature knobs the shared one must not have: EAB required,
/// half of all nonces rejected, two alternate roots, two intermediates.
/// </summary>
public sealed class SpecialTestbedFixture : IAsyncLifetime
{
    public Testbed Testbed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Testbed = await Testbed.StartAsync(new Dictionary<string, string>
        {
            ["TESTBED_EAB_REQUIRED"] = "1",
            ["PEBBLE_WFE_NONCEREJECT"] = "50",
            ["PEBBLE_ALTERNATE_ROOTS"] = "2",
            ["PEBBLE_CHAIN_LENGTH"] = "2",
        });
    }

    public Task DisposeAsync() => Testbed.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SharedTestbedCollection : ICollectionFixture<SharedTestbedFixture>
{
    public const string Name = "shared ACME testbed";
}

[CollectionDefinition(Name)]
public sealed class SpecialTestbedCollection : ICollectionFixture<SpecialTestbedFixture>
{
    public const string Name = "special ACME testbed";
}
