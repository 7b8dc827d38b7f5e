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

    // Ports below the lowest candidate, so no other test of this process has been handed them.
    private const int HeldPort = 9301;

    // The port taken instead must bind, or Take would pass it over too: the first that does.
    private static readonly int OtherPort = Enumerable.Range(HeldPort + 1, 600).First(FreePorts.Bindable);

    [Fact]
    public void A_port_whose_lock_another_process_holds_is_passed_over_for_another()
    {
        var folder = Directory.CreateTempSubdirectory("ports-held-").FullName;
        try
        {
            // As another test process holds its reservation.
            using var held = new FileStream(Path.Combine(folder, HeldPort + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

            Assert.Equal([OtherPort], FreePorts.Take(1, [HeldPort, OtherPort], folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_lock_file_that_cannot_be_opened_is_an_error_not_a_port_handed_out_unreserved()
    {
        var folder = Directory.CreateTempSubdirectory("ports-refusing-").FullName;
        try
        {
            // A directory where the lock file goes: opening it is refused (root included), as another user's file would be.
            Directory.CreateDirectory(Path.Combine(folder, HeldPort + ".lock"));

            var error = Assert.Throws<InvalidOperationException>(() => FreePorts.Take(1, [HeldPort], folder));

            Assert.Contains($"cannot reserve test port {HeldPort} in {folder}", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_reservation_folder_that_cannot_be_made_is_an_error_naming_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            // A file where the folder goes: no folder can be made there.
            var folder = Path.Combine(file, "ports");

            var error = Assert.Throws<InvalidOperationException>(() => FreePorts.Take(1, [HeldPort, OtherPort], folder));

            Assert.Contains($" in {folder}: ", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
