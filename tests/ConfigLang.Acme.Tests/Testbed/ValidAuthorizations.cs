using System.Text.Json;
using ConfigLang.Acme.Protocol;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// Makes the testbed validate names again for an account that already proved them: deactivates
/// (RFC 8555 §7.5.2) every valid authorization of the account's orders, found through the
/// account's <c>orders</c> list (§7.1.2.1), which pebble serves page by page.
/// Why: pebble hands an order a still-valid authorization of the same account instead of a new
/// pending one whenever <c>rand.Intn(100) &gt; PEBBLE_AUTHZREUSE</c> fails, which at
/// PEBBLE_AUTHZREUSE=0 is one draw in a hundred. A reused authorization needs no challenge, so a
/// test whose second order for a name must be validated (or must fail validating) calls this
/// between its runs.
/// </summary>
public static class ValidAuthorizations
{
    // A test account holds a handful of orders; pebble pages them three at a time by default.
    private const int MaxPages = 200;

    /// <summary>Deactivates the valid authorizations of every account in <paramref name="root"/>'s account store; returns how many.</summary>
    public static async Task<int> DeactivateForRootAsync(Testbed bed, string root)
    {
        var accounts = new StateLayout(root).AccountsDirectory;
        var keys = Directory.Exists(accounts) ? Directory.GetFiles(accounts, AccountStore.KeyFile, SearchOption.AllDirectories) : [];
        using var client = bed.CreateClient();
        var deactivated = 0;
        foreach (var key in keys)
        {
            using var account = AcmeAccount.Load(key);
            // An account of another server (or one never registered) has nothing here.
            if (await client.FindAccountAsync(account) is null) continue;
            deactivated += await DeactivateAsync(client, account);
        }
        return deactivated;
    }

    /// <summary>Deactivates the valid authorizations of <paramref name="account"/> (registered through <paramref name="client"/>); returns how many.</summary>
    public static async Task<int> DeactivateAsync(AcmeClient client, AcmeAccount account)
    {
        var resource = account.Resource ?? await client.FindAccountAsync(account)
            ?? throw new InvalidOperationException("the account is not registered at " + client.DirectoryUrl);
        var ordersUrl = resource.Orders ?? throw new InvalidOperationException(client.DirectoryUrl + " gives the account no orders URL");
        var deactivated = 0;
        foreach (var orderUrl in await OrderUrlsAsync(client, account, ordersUrl))
        {
            var order = await client.GetOrderAsync(account, orderUrl);
            foreach (var authorizationUrl in order.Authorizations)
            {
                var authorization = await client.GetAuthorizationAsync(account, authorizationUrl);
                if (authorization.Status != "valid") continue;
                await client.DeactivateAuthorizationAsync(account, authorizationUrl);
                deactivated++;
            }
        }
        return deactivated;
    }

    /// <summary>Every page of the orders list, following <c>Link: rel="next"</c>.</summary>
    private static async Task<List<Uri>> OrderUrlsAsync(AcmeClient client, AcmeAccount account, Uri ordersUrl)
    {
        var orders = new List<Uri>();
        Uri? page = ordersUrl;
        for (var pages = 0; page is not null; pages++)
        {
            if (pages == MaxPages) throw new InvalidOperationException($"{ordersUrl} has more than {MaxPages} pages");
            // AcmeClient has no public orders-list call (the product never needs one).
            var response = await client.PostAsGetAsync(account, page, null, CancellationToken.None);
            using var body = JsonDocument.Parse(response.Body);
            orders.AddRange(body.RootElement.GetProperty("orders").EnumerateArray().Select(o => new Uri(o.GetString()!)));
            page = response.LinksWithRel("next").FirstOrDefault();
        }
        return orders;
    }
}
