using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Dns;
using static ConfigLang.Acme.Tests.Dns.ProviderTestData;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>The read-modify-write frame itself, with a provider that keeps its one set in memory and records its calls.</summary>
public sealed class ValueSetDnsProviderTests
{
    private sealed class InMemoryProvider(bool addsAlone) : ValueListDnsProvider<string, string>("in-memory", propagationTimeout: null)
    {
        public readonly List<string> Set = [];
        public readonly List<string> Calls = [];

        protected override Task<string> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.FromResult(challenge.DnsRecordName);

        protected override string Ours(ChallengeTask challenge, string place) => challenge.DnsTxtValue;

        protected override Task<List<string>?> ReadAsync(string place, CancellationToken cancellationToken)
        {
            Calls.Add("read");
            return Task.FromResult<List<string>?>([.. Set]);
        }

        // The receipt names the write, so the after-write step shows it got this write's.
        protected override Task<string?> WriteAsync(string place, List<string>? current, List<string> next, bool add, CancellationToken cancellationToken)
        {
            Calls.Add("write");
            Set.Clear();
            Set.AddRange(next);
            return Task.FromResult<string?>($"{(add ? "added" : "removed")} {next.Count}");
        }

        protected override Task<bool> AddAloneAsync(string place, string ours, CancellationToken cancellationToken)
        {
            if (!addsAlone) return Task.FromResult(false);
            Calls.Add("add alone");
            Set.Add(ours);
            return Task.FromResult(true);
        }

        protected override Task WrittenAsync(string place, string? receipt, CancellationToken cancellationToken)
        {
            Calls.Add("written " + (receipt ?? "without receipt"));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_value_added_alone_is_followed_by_the_after_write_step_like_a_set_written_back_with_its_receipt()
    {
        var provider = new InMemoryProvider(addsAlone: true);
        var challenge = Challenge();

        await provider.PresentAsync(challenge, default);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(["add alone", "written without receipt", "read", "write", "written removed 0"], provider.Calls);
        Assert.Empty(provider.Set);
    }

    [Fact]
    public async Task Nothing_written_has_no_after_write_step()
    {
        var provider = new InMemoryProvider(addsAlone: false);
        var challenge = Challenge();

        await provider.PresentAsync(challenge, default);
        await provider.PresentAsync(challenge, default);
        await provider.CleanupAsync(challenge, default);
        await provider.CleanupAsync(challenge, default);

        Assert.Equal(["read", "write", "written added 1", "read", "read", "write", "written removed 0", "read"], provider.Calls);
    }

    /// <summary>One instance per certificate, all writing one shared set (a zone's hosts); the first read can be held at a gate.</summary>
    private sealed class SharedSetProvider(List<string> zone, TaskCompletionSource? readGate) : ValueListDnsProvider<string, string>("shared-set", propagationTimeout: null)
    {
        public readonly TaskCompletionSource ReadStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task<string> LocateAsync(ChallengeTask challenge, CancellationToken cancellationToken) => Task.FromResult(challenge.DnsRecordName);

        protected override string Ours(ChallengeTask challenge, string place) => challenge.DnsTxtValue;

        protected override async Task<List<string>?> ReadAsync(string place, CancellationToken cancellationToken)
        {
            List<string> read;
            lock (zone) read = [.. zone];
            ReadStarted.TrySetResult();
            if (readGate is not null) await readGate.Task;
            return read;
        }

        protected override Task<string?> WriteAsync(string place, List<string>? current, List<string> next, bool add, CancellationToken cancellationToken)
        {
            lock (zone)
            {
                zone.Clear();
                zone.AddRange(next);
            }
            return Task.FromResult<string?>(null);
        }

        protected override Task<bool> AddAloneAsync(string place, string ours, CancellationToken cancellationToken) => Task.FromResult(false);

        protected override Task WrittenAsync(string place, string? receipt, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task Two_instances_of_a_provider_do_not_interleave_a_read_and_its_write()
    {
        // Each certificate of a run has its own provider instance, ordered in parallel: with a lock per instance the
        // second read the set while the first held its read, and the first's write dropped the second's value.
        var zone = new List<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new SharedSetProvider(zone, gate);
        var second = new SharedSetProvider(zone, readGate: null);

        var firstPresent = first.PresentAsync(Challenge(token: "first"), default);
        await first.ReadStarted.Task;
        var secondPresent = second.PresentAsync(Challenge(token: "second"), default);
        // Without a shared lock the second finishes here, before the first writes.
        await Task.WhenAny(secondPresent, Task.Delay(200));
        gate.SetResult();
        await Task.WhenAll(firstPresent, secondPresent);

        Assert.Equal([Challenge(token: "first").DnsTxtValue, Challenge(token: "second").DnsTxtValue], zone);
    }
}
