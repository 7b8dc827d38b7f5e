using ConfigLang.TestSupport;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>
/// The ports handed to the servers the tests start later (pebble, etcd, nginx): never one the
/// kernel hands out by itself, never twice, and reserved against the other test processes.
/// </summary>
public sealed class FreePortsTests
{
    [Fact]
    public void Ports_come_from_outside_the_kernels_ephemeral_range_and_are_never_handed_twice()
    {
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

        var first = FreePorts.Take(6);
        var second = FreePorts.Take(6);

        Assert.All(first.Concat(second), p => Assert.False(p >= range[0] && p <= range[1], $"port {p} is in the ephemeral range {range[0]}-{range[1]}"));
        Assert.Equal(12, first.Concat(second).Distinct().Count());
    }

    [Fact]
    public void Another_process_cannot_reserve_a_port_already_handed_out()
    {
        var port = FreePorts.TakeOne();

        // What another test process's FreePorts does first: an exclusive lock on the port's file.
        Assert.ThrowsAny<IOException>(() => new FileStream(Path.Combine(FreePorts.ReservationFolder, port + ".lock"),
            FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
    }
}
