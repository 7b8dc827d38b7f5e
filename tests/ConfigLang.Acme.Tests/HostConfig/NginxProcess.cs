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
        // Generated files include mime.types beside them, as the host's /etc/nginx has it.
        CopyHostMimeTypes(prefix);
    }

    /// <summary>Debian's own <c>/etc/nginx/mime.types</c> (nginx-common), copied where a test's nginx.conf lives.</summary>
    public static void CopyHostMimeTypes(string directory)
    {
        Directory.CreateDirectory(directory);
        File.Copy("/etc/nginx/mime.types", Path.Combine(directory, "mime.types"), overwrite: true);
    }

    /// <summary>
    /// <c>nginx -t</c> of <c>&lt;root&gt;/etc/nginx/nginx.conf</c> as the host would read it, with
    /// only what a test machine needs changed (in a copy beside it, so <c>include mime.types</c>
    /// resolves as on the host): certificate and webroot paths under the root, the PID, temporary
    /// paths and the log in <paramref name="prefix"/>, and as root an account this machine has.
    /// Returns the exit code, nginx's output and the text it checked.
    /// </summary>
    public static (int ExitCode, string Output, string Checked) TestAsHostReads(string root, string prefix)
    {
        Directory.CreateDirectory(prefix);
        var directory = Path.Combine(root, "etc", "nginx");
        var text = File.ReadAllText(Path.Combine(directory, "nginx.conf"));
        var scratch = new NginxProcess(prefix);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^pid [^;]*;", $"pid {scratch.PidFile};")
            .Replace(" /var/lib/acme/", $" {root}/var/lib/acme/", StringComparison.Ordinal)
            .Replace("http {\n", "http {\n" + string.Concat(scratch.HttpExtra.Split('\n').Select(l => $"  {l}\n")), StringComparison.Ordinal);
        if (Environment.IsPrivilegedProcess) text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^user [^;]*;", "user nobody nogroup;");
        var copy = Path.Combine(directory, "nginx.test.conf");
        File.WriteAllText(copy, text);
        var (code, output) = Run("-t", "-p", prefix, "-c", copy, "-e", scratch.ErrorLog);
        return (code, output, text);
    }

    public string Prefix { get; }

    public string ConfigFile => Path.Combine(Prefix, "nginx.conf");

    public string PidFile => Path.Combine(Prefix, "nginx.pid");

    public string ErrorLog => Path.Combine(Prefix, "error.log");

    /// <summary>The main context keeping every path inside the prefix (Debian compiles /var paths in), running workers as root under root.</summary>
    public Acme.HostConfig.NginxMainSettings Settings => new()
    {
        User = "root", Group = "root", PidFile = PidFile, ErrorLog = ErrorLog, HttpExtra = HttpExtra,
    };

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
