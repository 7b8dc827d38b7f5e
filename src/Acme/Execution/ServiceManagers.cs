namespace ConfigLang.Acme.Execution;

/// <summary>Builds an <see cref="IServiceManager"/> from the CLI spelling <c>systemd|none|exec:COMMAND</c>.</summary>
public static class ServiceManagers
{
    /// <summary>Parses the <c>--service-manager</c> value; throws <see cref="ArgumentException"/> on anything else.</summary>
    public static IServiceManager Parse(string text)
    {
        if (text == "systemd") return new SystemdServiceManager();
        if (text == "none") return new NoServiceManager();
        if (text.StartsWith("exec:", StringComparison.Ordinal) && text.Length > "exec:".Length)
        {
            return new ExecServiceManager(text["exec:".Length..]);
        }
        throw new ArgumentException($"unknown service manager '{text}' (expected systemd, none or exec:COMMAND)", nameof(text));
    }
}
