using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Modules.Tests.Resolved;

/// <summary>Measures live memory, so it runs alone: no other test allocates meanwhile.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// Origins are recorded for every submodule instance (one per certificate, virtual host, …) but
/// asked for a few values: an instance remembers how to make its option tree again, not the
/// tree. Kept trees were most of the live heap of lint on 1,000 certificates and made it spend
/// half its time collecting garbage.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class OriginRetentionTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("configlang-retention-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Live bytes once the certificates of a host with <paramref name="count"/> of them are forced
    /// whole, and where the last one's group is defined (read after the measurement).</summary>
    private (long Bytes, string? GroupAt) LiveBytesWithForcedCertificates(int count)
    {
        var host = Path.Combine(_dir.FullName, $"host{count}.nix");
        File.WriteAllText(host, $$"""
            { lib, ... }:
            {
              security.acme.defaults.email = "admin@example.org";
              security.acme.certs = lib.genAttrs (builtins.genList (i: "c${toString i}.example.org") {{count}}) (name: {
                group = "nginx";
                extraDomainNames = [ "www.${name}" ];
              });
            }
            """);
        var result = new HostEvaluator(new EvaluatorOptions { CurrentDirectory = _dir.FullName }).Evaluate(host, config =>
        {
            var certs = config.Get("security.acme.certs");
            certs.ForceDeep();
            var bytes = GC.GetTotalMemory(forceFullCollection: true);
            var last = certs[$"c{count - 1}.example.org"]["group"].Location;
            return (bytes, last is { } l ? $"{Path.GetFileName(l.Source.Path)}:{l.Start.Line}:{l.Start.Column}" : null);
        });
        Assert.Null(result.Error);
        return result.Value;
    }

    [Fact]
    public void Forced_certificates_keep_their_values_not_their_option_trees()
    {
        LiveBytesWithForcedCertificates(10); // the library loaded and its code run once
        var (few, fewAt) = LiveBytesWithForcedCertificates(100);
        var (many, manyAt) = LiveBytesWithForcedCertificates(500);
        var perCertificate = (many - few) / 400;
        // A certificate's forced values take about 4 KB; with its option tree kept it was about 67 KB.
        Assert.True(perCertificate < 20_000, $"{perCertificate} bytes live per forced certificate");
        // The tree is made again when an origin is asked for.
        Assert.Equal("host100.nix:5:5", fewAt);
        Assert.Equal("host500.nix:5:5", manyAt);
    }
}
