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
/// instance's tree is held weakly and made again from the same modules when it is gone by the
/// time it is asked for, so the trees nobody asks about are not kept.
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

    /// <summary>Records that <paramref name="config"/> is the value of <paramref name="tree"/>, which is not kept
    /// for it: while something else keeps it (an option not yet forced) it is used, else <paramref name="remake"/>
    /// makes it again. Returns <paramref name="config"/>.</summary>
    public static AttrSetValue Remember(AttrSetValue config, OptionLevel tree, Func<OptionLevel> remake)
    {
        Origins.AddOrUpdate(config, new ConfigurationOrigin(remake, new WeakReference<OptionLevel>(tree)));
        return config;
    }

    /// <summary>The origin of a configuration value, or null for any other value (the value is forced).</summary>
    public static ConfigurationOrigin? Find(Value value) =>
        value.Force() is AttrSetValue attrs && Origins.TryGetValue(attrs, out var origin) ? origin : null;
}

/// <summary>The option tree (declarations and definitions) behind one evaluated configuration.</summary>
/// <param name="root">Gives the tree: the evaluation's own, or one made again from the same modules.</param>
/// <param name="tree">The evaluation's own tree, while it is alive.</param>
public sealed class ConfigurationOrigin(Func<OptionLevel> root, WeakReference<OptionLevel>? tree = null)
{
    private Func<OptionLevel>? _make = root;
    private WeakReference<OptionLevel>? _tree = tree;
    private OptionLevel? _root;

    /// <summary>The top level of the evaluation's option tree (made on first use, then kept).</summary>
    public OptionLevel Root
    {
        get
        {
            if (_root is not null) return _root;
            _root = _tree is not null && _tree.TryGetTarget(out var alive) ? alive : _make!();
            _make = null;
            _tree = null;
            return _root;
        }
    }
}
