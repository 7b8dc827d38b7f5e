using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// Remembers, for every <c>config</c> an evaluation hands out (the top level's and each
/// submodule instance's, e.g. one per <c>security.acme.certs.NAME</c>), the option tree it was
/// computed from. A resolved configuration is a plain set of values; tools that walk it
/// (<c>configlang show</c>, <c>show --explain</c>) need to know, inside a submodule value, which
/// options are defined and where their definitions came from, without forcing the options
/// nobody set. The keys are weak: an entry lives as long as its configuration. A submodule
/// instance's tree is made again from the same modules when first asked for (see
/// <see cref="ConfigurationOrigin"/>), so the trees nobody asks about are not kept.
/// </summary>
public static class ConfigurationOrigins
{
    private static readonly ConditionalWeakTable<AttrSetValue, ConfigurationOrigin> Origins = new();

    /// <summary>Records that <paramref name="config"/> is the value of the option tree <paramref name="root"/> gives; returns it.</summary>
    public static AttrSetValue Remember(AttrSetValue config, Func<OptionLevel> root)
    {
        Origins.AddOrUpdate(config, new ConfigurationOrigin(root));
        return config;
    }

    /// <summary>The origin of a configuration value, or null for any other value (the value is forced).</summary>
    public static ConfigurationOrigin? Find(Value value) =>
        value.Force() is AttrSetValue attrs && Origins.TryGetValue(attrs, out var origin) ? origin : null;
}

/// <summary>The option tree (declarations and definitions) behind one evaluated configuration.</summary>
/// <param name="root">Gives the tree: the evaluation's own, or one made again from the same modules.</param>
public sealed class ConfigurationOrigin(Func<OptionLevel> root)
{
    private Func<OptionLevel>? _make = root;
    private OptionLevel? _root;

    /// <summary>The top level of the evaluation's option tree (made on first use, then kept).</summary>
    public OptionLevel Root
    {
        get
        {
            if (_root is not null) return _root;
            _root = _make!();
            _make = null;
            return _root;
        }
    }
}
