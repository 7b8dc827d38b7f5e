using System.Diagnostics;
using System.Net;

namespace ConfigLang.Acme.Tests.Testbed;

/// <summary>Asks knot directly with <c>kdig</c> (an independent client) what TXT values a name has.</summary>
public static class DnsQuery
{
    public static async Task<IReadOnlyList<string>> TxtAsync(IPEndPoint server, string name)
    {
        var start = new ProcessStartInfo("kdig") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-p", server.Port.ToString(), "@" + server.Address, name, "TXT", "+short" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.Trim('"')).ToList();
    }
}
