using System.Security.Cryptography;
using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Tests.Cluster;

/// <summary>
/// The executor seals and opens keys from several orders at once (--jobs), all through the one
/// key of the run: AesGcm is not safe for concurrent use, and a rebuild of a pool saw stored
/// keys that "cannot be decrypted" with the right key. Every value must open, however many at once.
/// </summary>
public sealed class ClusterEncryptionKeyConcurrencyTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("configlang-cluster-key-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Values_sealed_and_opened_from_many_threads_at_once_all_open()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "run"));
        File.WriteAllText(Path.Combine(_root.FullName, "run", "cluster.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        using var key = ClusterEncryptionKey.Load(new RootedFileSystem(_root.FullName), "/run/cluster.key");
        var plain = Enumerable.Range(0, 64).Select(i => $"-----BEGIN PRIVATE KEY-----\n{new string((char)('A' + i % 26), 200 + i)}\n-----END PRIVATE KEY-----\n").ToArray();
        var sealedValues = new byte[plain.Length][];

        var failures = 0;
        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var n = i % plain.Length;
            try
            {
                var value = key.Seal(plain[n], "name" + n);
                Volatile.Write(ref sealedValues[n], value);
                if (key.Open(value, "name" + n, "certificate name" + n) != plain[n]) Interlocked.Increment(ref failures);
            }
            catch (ClusterException)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        Assert.All(Enumerable.Range(0, plain.Length), n => Assert.Equal(plain[n], key.Open(sealedValues[n], "name" + n, "certificate name" + n)));
    }
}
