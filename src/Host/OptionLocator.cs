using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Resolved;

namespace ConfigLang.Host;

/// <summary>
/// Points at the user's definition that decides an option, from the module system's record of
/// every definition (never by searching the text): the winning definition the user wrote; for a
/// certificate option left at its default, the user's <c>security.acme.defaults</c> definition
/// it inherits; else the nearest enclosing option the user defines (the certificate, then
/// <c>certs</c>); else the start of the host file. Use it while the configuration is being read.
/// </summary>
public sealed class OptionLocator(HostConfiguration config) : IOptionLocator
{
    /// <summary>Locates nothing: for facts made without a configuration.</summary>
    public static readonly IOptionLocator None = new Nothing();

    private SourceLocation? _hostStart;

    public SourceLocation? DefinedAt(IReadOnlyList<string> path) =>
        config.Root.Find(path) is { Origin: { } origin } ? UserWritten(origin) ?? (origin.IsDefault ? Inherited(path) : null) : null;

    public IEnumerable<IReadOnlyList<string>> Instances(IReadOnlyList<string> path)
    {
        var placeholder = path.ToList().FindIndex(p => p.StartsWith('<') && p.EndsWith('>'));
        if (placeholder < 0)
        {
            yield return path;
            yield break;
        }
        var prefix = path.Take(placeholder).ToList();
        if (config.Root.Find(prefix) is not { Kind: ConfiguredKind.Attrs } set) yield break;
        foreach (var name in set.Names)
        {
            foreach (var instance in Instances([.. prefix, name, .. path.Skip(placeholder + 1)])) yield return instance;
        }
    }

    public SourceLocation? Locate(IReadOnlyList<string> path)
    {
        for (var length = path.Count; length > 0; length--)
        {
            var prefix = path.Take(length).ToList();
            if (config.Root.Find(prefix) is not { Origin: { } origin }) continue;
            if (UserWritten(origin) is { } at) return at;
            if (origin.IsDefault && Inherited(prefix) is { } inherited) return inherited;
            if (ConsumerOption(prefix) is { } consumer) return consumer;
        }
        return _hostStart ??= HostStart();
    }

    /// <summary>The user's deciding definition, else any the user wrote (a losing one still shows where to change it).</summary>
    private static SourceLocation? UserWritten(OptionOrigin origin) =>
        origin.UserDefinition?.Position ?? origin.Definitions.LastOrDefault(d => !d.IsLibrary && d.Position is not null)?.Position;

    /// <summary>acme.nix makes every option of <c>security.acme.defaults</c> the default of the same option of
    /// each certificate (unless it sets <c>inheritDefaults = false</c>): the user's definition there decides.</summary>
    private SourceLocation? Inherited(IReadOnlyList<string> path)
    {
        if (path.Count < 5 || path[0] != "security" || path[1] != "acme" || path[2] != "certs") return null;
        if (config.Root.Find(path.Take(4)) is not { } cert || cert.Get("inheritDefaults") is not { Kind: ConfiguredKind.Bool, Bool: true }) return null;
        return config.Root.Find(["security", "acme", "defaults", .. path.Skip(4)]) is { Origin: { } origin } ? UserWritten(origin) : null;
    }

    /// <summary>A certificate the user does not define, made by a service module for the service's
    /// <c>useACMEHost</c>/<c>enableACME</c>: the user's setting that made it (the module records it in
    /// <c>configlang.certConsumers</c>), rather than a neighbouring certificate of <c>certs</c>.</summary>
    private SourceLocation? ConsumerOption(IReadOnlyList<string> path)
    {
        if (path.Count != 4 || path[0] != "security" || path[1] != "acme" || path[2] != "certs") return null;
        foreach (var consumer in config.Get("configlang.certConsumers").Items)
        {
            if (consumer["cert"].String == path[3] && consumer["option"].String is { } option
                && DefinedAt(Modules.Evaluation.ConfigurationQuery.SplitPath(option)) is { } at)
                return at;
        }
        return null;
    }

    private SourceLocation? HostStart()
    {
        try
        {
            return new SourceLocation(SourceText.FromFile(config.HostFile), new TextSpan(0, 0));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class Nothing : IOptionLocator
    {
        public SourceLocation? Locate(IReadOnlyList<string> path) => null;

        public SourceLocation? DefinedAt(IReadOnlyList<string> path) => null;

        public IEnumerable<IReadOnlyList<string>> Instances(IReadOnlyList<string> path) => [path];
    }
}
