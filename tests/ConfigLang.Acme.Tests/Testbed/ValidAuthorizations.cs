using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConfigLang.Acme.Crypto;
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
            deactivated += await DeactivateAsync(bed, client, account);
        }
        return deactivated;
    }

    /// <summary>Deactivates the valid authorizations of <paramref name="account"/> (registered through <paramref name="client"/>); returns how many.</summary>
    public static async Task<int> DeactivateAsync(Testbed bed, AcmeClient client, AcmeAccount account)
    {
        var resource = account.Resource ?? await client.FindAccountAsync(account)
            ?? throw new InvalidOperationException("the account is not registered at " + client.DirectoryUrl);
        var ordersUrl = resource.Orders ?? throw new InvalidOperationException(client.DirectoryUrl + " gives the account no orders URL");
        var deactivated = 0;
        foreach (var orderUrl in await OrderUrlsAsync(bed, client, account, ordersUrl))
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
    private static async Task<List<Uri>> OrderUrlsAsync(Testbed bed, AcmeClient client, AcmeAccount account, Uri ordersUrl)
    {
        var directory = await client.GetDirectoryAsync();
        using var http = AcmeHttp.CreateClient(bed.HttpsCa);
        var orders = new List<Uri>();
        Uri? page = ordersUrl;
        for (var pages = 0; page is not null; pages++)
        {
            if (pages == MaxPages) throw new InvalidOperationException($"{ordersUrl} has more than {MaxPages} pages");
            var response = await PostAsGetAsync(http, directory.NewNonce!, account, page);
            using var body = JsonDocument.Parse(response.Body);
            orders.AddRange(body.RootElement.GetProperty("orders").EnumerateArray().Select(o => new Uri(o.GetString()!)));
            page = response.LinksWithRel("next").FirstOrDefault();
        }
        return orders;
    }

    // AcmeClient has no orders-list call (the product never needs one): one signed POST-as-GET here.
    private static async Task<AcmeResponse> PostAsGetAsync(HttpClient http, Uri newNonce, AcmeAccount account, Uri url)
    {
        using var nonceResponse = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, newNonce));
        var nonce = nonceResponse.Headers.GetValues("Replay-Nonce").First();
        var jws = JwsSigner.Sign(account.Key, "", url, nonce, account.Location);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(jws)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/jose+json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{url} answered HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return new AcmeResponse(response, body, TimeProvider.System);
    }
}
