using System.Diagnostics;

namespace ConfigLang.Acme.Tests.HostConfig;

/// <summary>
/// Debian's nginx run in a temporary prefix: <c>nginx -t</c> on a generated file, or a real
/// server started on loopback and stopped by the PID it wrote.
/// </summary>
internal sealed class NginxProcess : IDisposable
{
    public NginxProcess(string prefix)
    {
        Prefix = prefix;
        Directory.CreateDirectory(prefix);
    }

    public string Prefix { get; }

    public string ConfigFile => Path.Combine(Prefix, "nginx.conf");

    public string PidFile => Path.Combine(Prefix, "nginx.pid");

    public string ErrorLog => Path.Combine(Prefix, "error.log");

    /// <summary>Main-context lines keeping every path inside the prefix (Debian compiles /var paths in).</summary>
    public string MainExtra => $"pid {PidFile};\nerror_log {ErrorLog};\n" + (Environment.IsPrivilegedProcess ? "user root;\n" : "");

    /// <summary>http-context lines for the temp paths.</summary>
    public string HttpExtra =>
        $"access_log off;\nclient_body_temp_path {Prefix}/body;\nproxy_temp_path {Prefix}/proxy;\n" +
        $"fastcgi_temp_path {Prefix}/fastcgi;\nuwsgi_temp_path {Prefix}/uwsgi;\nscgi_temp_path {Prefix}/scgi;";

    /// <summary>The nginx arguments for this prefix, then <paramref name="extra"/>.</summary>
    public string[] Arguments(params string[] extra) => ["-p", Prefix, "-c", ConfigFile, "-e", ErrorLog, .. extra];

    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>Stops a started nginx by the PID it recorded (SIGQUIT = graceful), waiting for it to go.</summary>
    public void Dispose()
    {
        if (!File.Exists(PidFile)) return;
        if (!int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid)) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            using var kill = Process.Start("kill", ["-TERM", pid.ToString()]);
            kill.WaitForExit();
            process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
