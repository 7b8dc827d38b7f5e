namespace ConfigLang.Acme.Protocol;

/// <summary>
/// Runs one network exchange under a deadline and turns the deadline's expiry (not the caller's
/// cancellation) into a <see cref="NetworkTimeoutException"/> naming the server. HTTP and DNS both use it.
/// </summary>
public static class NetworkDeadline
{
    public static async Task<T> RunAsync<T>(string target, TimeSpan timeout, Func<CancellationToken, Task<T>> exchange, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // WaitAsync as well: a library that ignores the token still gives up in time.
            return await exchange(deadline.Token).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTimeout(e, deadline))
        {
            throw new NetworkTimeoutException(target, timeout);
        }
    }

    // The socket handler's own ConnectTimeout equals the deadline and may fire a moment before it:
    // it surfaces as a cancellation wrapping a TimeoutException, while the deadline is not yet cancelled.
    private static bool IsTimeout(Exception e, CancellationTokenSource deadline) =>
        e is TimeoutException
        || (e is OperationCanceledException && (deadline.IsCancellationRequested || e.InnerException is TimeoutException));
}
