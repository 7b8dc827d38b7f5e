using System.Net.Http.Headers;

namespace ConfigLang.Acme.Protocol;

/// <summary>Reads a Retry-After header (delta seconds or an HTTP date) as a delay from now.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders headers, TimeProvider time)
    {
        var value = headers.RetryAfter;
        if (value is null) return null;
        if (value.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (value.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
