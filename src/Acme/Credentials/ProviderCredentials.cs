using ConfigLang.Acme.Dns;

namespace ConfigLang.Acme.Credentials;

/// <summary>
/// The variables a DNS provider reads, under lego's names, from an <c>environmentFile</c> and from
/// <c>credentialFiles</c> (<c>NAME_FILE</c> = path whose content is NAME's value). Values of
/// secret-looking names (token, key, secret, password) and passwords inside URL values are
/// registered with <see cref="Redactor"/>.
/// </summary>
public sealed class ProviderCredentials
{
    private readonly Dictionary<string, string> _values;
    private readonly Func<string, string> _readFile;

    /// <param name="values">Variables by name; <c>NAME_FILE</c> entries name files that provide NAME.</param>
    /// <param name="readFile">Reads such a file; rebuild reads below --root without leaving it. With
    /// none, a <c>NAME_FILE</c> entry is an error: no default reads a path as the file system resolves it.</param>
    public ProviderCredentials(IReadOnlyDictionary<string, string> values, Func<string, string>? readFile = null)
    {
        readFile ??= path => throw new IOException($"no reader for credential files was given ({path})");
        _readFile = readFile;
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        Redactor = new SecretRedactor();
        foreach (var (name, value) in values) _values[name] = value;
        // NAME_FILE entries (credentialFiles, or written in the environment file) provide NAME.
        foreach (var (name, path) in values)
        {
            if (!name.EndsWith("_FILE", StringComparison.Ordinal)) continue;
            var target = name[..^"_FILE".Length];
            if (_values.ContainsKey(target)) continue;
            try
            {
                _values[target] = readFile(path).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new Protocol.AcmeException($"cannot read credential file for {target} ({path}): {e.GetType().Name}");
            }
        }
        foreach (var (name, value) in _values)
        {
            if (IsSecretName(name)) Redactor.Add(value);
            // Any variable may be a URL with a password in it (HTTPREQ_ENDPOINT=http://user:pw@host/).
            Redactor.AddUrlPasswords(value);
        }
    }

    public static ProviderCredentials Empty { get; } = new(new Dictionary<string, string>());

    public SecretRedactor Redactor { get; }

    public IEnumerable<string> Names => _values.Keys;

    /// <summary>
    /// Reads <paramref name="environmentFile"/> (systemd syntax) and adds <paramref name="credentialFiles"/>
    /// (variable name, usually ending in <c>_FILE</c>, to file path), as NixOS' acme module does.
    /// Every file is read with <paramref name="readFile"/> (rebuild's reads below --root).
    /// </summary>
    public static ProviderCredentials Load(string? environmentFile, IReadOnlyDictionary<string, string>? credentialFiles,
        Func<string, string> readFile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(environmentFile))
        {
            foreach (var (k, v) in EnvironmentFileParser.ParseText(readFile(environmentFile), environmentFile)) values[k] = v;
        }
        if (credentialFiles is not null)
        {
            foreach (var (name, path) in credentialFiles)
            {
                var key = name.EndsWith("_FILE", StringComparison.Ordinal) ? name : name + "_FILE";
                values[key] = path;
                values.Remove(key[..^"_FILE".Length]);
            }
        }
        return new ProviderCredentials(values, readFile);
    }

    /// <summary>The value of the first of <paramref name="names"/> that is set (lego's aliases).</summary>
    public string? Get(params string[] names) => FirstSet(names)?.Text;

    /// <summary>Like <see cref="Get"/>, but a missing value is an error naming the variables.</summary>
    public string Require(string provider, params string[] names) =>
        Get(names) ?? throw new Dns.DnsProviderException(provider,
            $"missing credentials: set {string.Join(" or ", names)} (in environmentFile or as {names[0]}_FILE in credentialFiles)");

    /// <summary>
    /// Reads a file a variable names (ACME_DNS_STORAGE_PATH) with the same reader as the
    /// <c>NAME_FILE</c> entries, so rebuild's stays inside --root.
    /// </summary>
    public string ReadFile(string provider, string variable, string path)
    {
        try
        {
            return _readFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Dns.DnsProviderException(provider, $"cannot read {variable} ({path}): {e.GetType().Name}");
        }
    }

    /// <summary>Longest duration a variable may set: timers beyond it (CancelAfter's limit is ~49 days) break, not wait.</summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromDays(1);

    /// <summary>
    /// A duration in seconds (lego's <c>*_PROPAGATION_TIMEOUT</c>, <c>*_POLLING_INTERVAL</c>), or null when unset.
    /// Not a number, zero, negative, not finite or beyond <see cref="LongestDuration"/> is an error naming
    /// the variable: such a value would crash the timer that uses it or wait without end, and a typo
    /// (<c>60s</c>) taken silently as the default hides that the setting does nothing.
    /// </summary>
    public TimeSpan? GetSeconds(params string[] names)
    {
        NumberRead?.Invoke(DnsVariableKind.Seconds, names);
        if (FirstSet(names) is not { } set) return null;
        return TimeSpan.FromSeconds(ParseSeconds(set.Text) ?? throw new Protocol.AcmeException(SecondsRule(set.Name)));
    }

    /// <summary>
    /// A whole number of at least 0 (a TTL, a retry count), or null when unset; anything else is an
    /// error naming the variable, not the default taken silently.
    /// </summary>
    public int? GetInt(params string[] names)
    {
        NumberRead?.Invoke(DnsVariableKind.WholeNumber, names);
        if (FirstSet(names) is not { } set) return null;
        return ParseWholeNumber(set.Text) ?? throw new Protocol.AcmeException(WholeNumberRule(set.Name));
    }

    /// <summary>
    /// Told the kind and names of each <see cref="GetSeconds"/> and <see cref="GetInt"/> read, so a
    /// test can hold every provider's numeric reads equal to what it declares for lint.
    /// </summary>
    internal Action<DnsVariableKind, string[]>? NumberRead { get; init; }

    /// <summary>
    /// The name of <paramref name="variable"/> that is read (the first alias set) and the rule its value
    /// breaks, in words naming it (never the value, which may be a secret), or null when it is unset,
    /// of kind Text or keeps its rule: what <see cref="GetSeconds"/> or <see cref="GetInt"/> would refuse,
    /// so lint can say it, at the option that set that name, before rebuild does.
    /// </summary>
    public (string Name, string Rule)? BrokenRule(DnsProviderVariable variable)
    {
        if (FirstSet([.. variable.Names]) is not { } set) return null;
        var rule = variable.Kind switch
        {
            DnsVariableKind.Seconds when ParseSeconds(set.Text) is null => SecondsRule(set.Name),
            DnsVariableKind.WholeNumber when ParseWholeNumber(set.Text) is null => WholeNumberRule(set.Name),
            // Text takes any value; a number that parses keeps its rule.
            _ => null,
        };
        return rule is null ? null : (set.Name, rule);
    }

    /// <summary>The first of <paramref name="names"/> set to a non-empty value, in the order lego reads its aliases.</summary>
    private (string Name, string Text)? FirstSet(string[] names)
    {
        foreach (var name in names)
        {
            if (_values.TryGetValue(name, out var text) && text.Length > 0) return (name, text);
        }
        return null;
    }

    private static double? ParseSeconds(string text) =>
        double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds > 0 && seconds <= LongestDuration.TotalSeconds
            ? seconds
            : null;

    private static int? ParseWholeNumber(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string SecondsRule(string name) =>
        $"{name} must be a number of seconds above 0 and at most {LongestDuration.TotalSeconds:0}";

    private static string WholeNumberRule(string name) => $"{name} must be a whole number of at least 0";

    /// <summary>All values, for a child process environment (exec provider).</summary>
    public IReadOnlyDictionary<string, string> All => _values;

    public static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper.Contains("TOKEN", StringComparison.Ordinal) || upper.Contains("SECRET", StringComparison.Ordinal)
            || upper.Contains("PASSWORD", StringComparison.Ordinal) || upper.Contains("PASS", StringComparison.Ordinal)
            || upper.EndsWith("_KEY", StringComparison.Ordinal) || upper.Contains("API_KEY", StringComparison.Ordinal)
            || upper.Contains("AUTH", StringComparison.Ordinal) || upper.Contains("CREDENTIAL", StringComparison.Ordinal)
            // A cloud service account key (GCE_SERVICE_ACCOUNT) holds a private key.
            || upper.Contains("SERVICE_ACCOUNT", StringComparison.Ordinal);
    }
}
