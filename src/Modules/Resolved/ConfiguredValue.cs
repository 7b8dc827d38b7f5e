using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Resolved;

/// <summary>What a resolved value is.</summary>
public enum ConfiguredKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
    Path,
    List,
    Attrs,
    Function,
}

/// <summary>
/// A value of the resolved configuration together with where it came from: an option's value
/// (its <see cref="Origin"/> lists the option's definitions and declarations), an attribute or
/// element inside one (the definitions of the enclosing option that give that attribute, each
/// at the attribute's own span), or a submodule instance (<c>security.acme.certs."x"</c>), whose
/// attributes are again options. Values are forced on first read; read them inside
/// <see cref="HostEvaluator.Evaluate{T}"/>, where evaluation errors become diagnostics. Names and
/// strings read here are .NET text (the evaluator's bytes decoded as UTF-8, see <see cref="ByteText"/>).
/// </summary>
public sealed class ConfiguredValue
{
    private readonly Interpreter _interpreter;
    private readonly Value _value;
    // How this value was reached (null parent: the top), so that its place in the option tree is
    // found only when asked (Origin, Level): reading values needs none of it, and a submodule
    // instance's tree is made again when first asked for (ConfigurationOrigins).
    private readonly ConfiguredValue? _parent;
    private readonly bool _isAttribute;
    private bool _resolved;
    // The option tree whose config this value is (the top level, a nested level, a submodule instance).
    private OptionLevel? _level;
    private bool _levelKnown;
    // The option this value is, or that holds it; with the attribute names from that option down to it.
    private OptionLeaf? _leaf;
    private IReadOnlyList<string>? _keys;
    private OptionOrigin? _origin;
    private Value? _forced;

    /// <summary>The top of a configuration, with the option tree it was computed from (none: read without origins).</summary>
    internal ConfiguredValue(Interpreter interpreter, Value value, OptionLevel? level)
    {
        _interpreter = interpreter;
        Path = [];
        _value = value;
        _level = level;
        _levelKnown = level is not null;
        _keys = [];
        _resolved = true;
    }

    private ConfiguredValue(ConfiguredValue parent, string name, Value value, bool isAttribute)
    {
        _interpreter = parent._interpreter;
        Path = OptionPath.Append(parent.Path, name);
        _value = value;
        _parent = parent;
        _isAttribute = isAttribute;
    }

    /// <summary>The option path to this value (<c>[ security acme certs example.org group ]</c>).</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary><see cref="Path"/> as NixOS writes it: <c>security.acme.certs."example.org".group</c>.</summary>
    public string Option => OptionPath.Show(Path);

    private Value Forced => _forced ??= _value.Force();

    // A submodule instance is known by its value (forced): its attributes are options of its own tree.
    private OptionLevel? Level
    {
        get
        {
            Resolve();
            if (_levelKnown) return _level;
            _level = ConfigurationOrigins.Find(Forced)?.Root;
            _levelKnown = true;
            return _level;
        }
    }

    /// <summary>Finds this value's place below its parent's: an option of the parent's tree (or a level of
    /// options), else an attribute or element inside the option that holds the parent.</summary>
    private void Resolve()
    {
        if (_resolved) return;
        _resolved = true;
        var parent = _parent!;
        parent.Resolve();
        var name = Path[^1];
        var symbol = SymbolOf(name);
        if (_isAttribute && parent.Level is { } level && level.Names.Contains(symbol))
        {
            switch (level.Child(symbol))
            {
                case OptionLeaf leaf:
                    _leaf = leaf;
                    _keys = [];
                    return;
                case OptionLevel nested:
                    _level = nested;
                    _levelKnown = true;
                    _keys = [];
                    return;
            }
        }
        _leaf = parent._leaf;
        _keys = _isAttribute && parent._keys is { } keys ? [.. keys, name] : null;
    }

    public ConfiguredKind Kind => Forced switch
    {
        NullValue => ConfiguredKind.Null,
        BoolValue => ConfiguredKind.Bool,
        IntValue => ConfiguredKind.Int,
        FloatValue => ConfiguredKind.Float,
        StringValue => ConfiguredKind.String,
        PathValue => ConfiguredKind.Path,
        ListValue => ConfiguredKind.List,
        AttrSetValue a when !IsStringLike(a) => ConfiguredKind.Attrs,
        AttrSetValue => ConfiguredKind.String,
        var other when other.IsFunction => ConfiguredKind.Function,
        _ => ConfiguredKind.Null,
    };

    public bool IsNull => Forced is NullValue;

    /// <summary>A string, a path or a package (its string form); null for <c>null</c>.</summary>
    public string? String => Forced switch
    {
        NullValue => null,
        StringValue s => s.ToUnicode(),
        PathValue p => p.Path,
        AttrSetValue a when IsStringLike(a) => _interpreter.CoerceToStringValue(a, null, coerceMore: true, copyToStore: false).ToUnicode(),
        var other => throw Nix.Throw($"The option `{Option}' is {other.Describe()}, not a string"),
    };

    public bool Bool => Forced is BoolValue b ? b.Value : throw Nix.Throw($"The option `{Option}' is {Forced.Describe()}, not a Boolean");

    public long Int => Forced is IntValue i ? i.Value : throw Nix.Throw($"The option `{Option}' is {Forced.Describe()}, not an integer");

    /// <summary>The elements of a list (empty for <c>null</c>).</summary>
    public IReadOnlyList<ConfiguredValue> Items => Forced switch
    {
        NullValue => [],
        ListValue list => [.. list.Items.Select((item, i) => new ConfiguredValue(this, i.ToString(System.Globalization.CultureInfo.InvariantCulture), item, isAttribute: false))],
        var other => throw Nix.Throw($"The option `{Option}' is {other.Describe()}, not a list"),
    };

    /// <summary>The strings of a list of strings (empty for <c>null</c>).</summary>
    public IReadOnlyList<string> Strings => [.. Items.Select(i => i.String ?? "")];

    /// <summary>The attribute names of a set, sorted (empty for <c>null</c>).</summary>
    public IReadOnlyList<string> Names => Forced switch
    {
        NullValue => [],
        AttrSetValue attrs => [.. attrs.Names.Select(n => n.ToUnicode()).Where(n => n != "_module" || !IsOptionSet(attrs))],
        var other => throw Nix.Throw($"The option `{Option}' is {other.Describe()}, not a set"),
    };

    /// <summary>Forces the whole value (every type check of the options below it runs).</summary>
    public void ForceDeep() => _interpreter.ForceDeep(_value);

    /// <summary>The attributes of a set in name order.</summary>
    public IEnumerable<ConfiguredValue> Attributes => Names.Select(n => this[n]);

    /// <summary>The attribute <paramref name="name"/>; an error when the set has none.</summary>
    public ConfiguredValue this[string name] =>
        Get(name) ?? throw Nix.Throw($"The option `{OptionPath.Show([.. Path, name])}' does not exist");

    /// <summary>The attribute <paramref name="name"/>, or null when the set has none (or this is no set).</summary>
    /// <remarks>A configuration's attributes are its options' values, so an option is read as any attribute is.</remarks>
    public ConfiguredValue? Get(string name) =>
        Forced is AttrSetValue attrs && attrs.Get(SymbolOf(name)) is { } inner ? new ConfiguredValue(this, name, inner, isAttribute: true) : null;

    /// <summary>Whether the set is a configuration whose attributes are options (whose <c>_module</c> is no value).</summary>
    private bool IsOptionSet(AttrSetValue attrs) => _levelKnown ? _level is not null : ConfigurationOrigins.Find(attrs) is not null;

    /// <summary>The value at a path below this one, or null where an attribute is missing.</summary>
    public ConfiguredValue? Find(IEnumerable<string> path)
    {
        var current = this;
        foreach (var name in path)
        {
            current = current.Get(name);
            if (current is null) return null;
        }
        return current;
    }

    /// <summary>The attribute name of a host's .NET name: names here are .NET text, the evaluator's are bytes (<see cref="ByteText"/>).</summary>
    private static Symbol SymbolOf(string name) => Symbol.Intern(ByteText.FromUnicode(name));

    private static bool IsStringLike(AttrSetValue attrs) =>
        attrs.Get(Symbol.Intern("outPath")) is not null || attrs.Get(Symbol.Intern("__toString")) is not null;

    /// <summary>
    /// Where this value came from: for an option, its definitions and declarations; for an
    /// attribute inside one (a certificate of <c>certs</c>, a file of <c>credentialFiles</c>), the
    /// option's definitions that give this attribute, each at the attribute's span; for a list
    /// element, the list option's. Null for a level of options that is no option itself.
    /// </summary>
    public OptionOrigin? Origin => _origin ??= ComputeOrigin();

    /// <summary>Where to point at this value: <see cref="OptionOrigin.Location"/>.</summary>
    public SourceLocation? Location => Origin?.Location;

    private OptionOrigin? ComputeOrigin()
    {
        Resolve();
        if (_leaf is null) return null;
        var origin = OriginOf(_leaf);
        if (_keys is null || _keys.Count == 0) return origin with { Option = Path };
        var keyed = new List<DefinitionOrigin>();
        foreach (var definition in _leaf.Definitions)
        {
            if (!HasKey(definition.Value, _keys, out var keyPosition)) continue;
            // A set built by a function (genAttrs, listToAttrs) has no positions: its definition's own place stands for it.
            var position = keyPosition ?? definition.Position;
            var defined = origin.Definitions.FirstOrDefault(d => d.Position == definition.Position && !d.IsDefault);
            keyed.Add(new DefinitionOrigin(ByteText.ToUnicode(definition.File), position, defined?.Priority ?? Priorities.Plain, defined?.Won ?? true, false));
        }
        return new OptionOrigin(Path, keyed, origin.Declarations);
    }

    /// <summary>Whether a definition's value gives the attribute at <paramref name="keys"/>, and the span where it is written (when known).</summary>
    private static bool HasKey(Value value, IReadOnlyList<string> keys, out SourceLocation? position)
    {
        position = null;
        try
        {
            foreach (var key in keys)
            {
                var attrs = Properties.Properties.StripOverride(value).Force() as AttrSetValue;
                var symbol = SymbolOf(key);
                if (attrs is null || attrs.Get(symbol) is not { } inner) return false;
                position = attrs.PositionOf(symbol) ?? position;
                value = inner;
            }
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            // A definition that does not evaluate (a losing mkIf, say) gives no attribute.
            return false;
        }
        return true;
    }

    /// <summary>An option's definitions (its default first, when it has one) and declarations.</summary>
    internal static OptionOrigin OriginOf(OptionLeaf leaf)
    {
        var merged = leaf.Merged;
        var best = merged.IsDefined ? merged.HighestPriority : int.MaxValue;
        var winners = merged.IsDefined ? merged.Final.Select(d => d.Position).ToHashSet() : [];
        var definitions = new List<DefinitionOrigin>();
        if (leaf.DefaultValue is not null)
        {
            var declaration = leaf.Declarations.FirstOrDefault(d => d.Position is not null) ?? leaf.Declarations[0];
            definitions.Add(new DefinitionOrigin(ByteText.ToUnicode(declaration.File), declaration.Position, Priorities.OptionDefault, best == Priorities.OptionDefault, true));
        }
        foreach (var definition in leaf.Definitions)
        {
            var priority = PriorityOf(definition.Value);
            definitions.Add(new DefinitionOrigin(ByteText.ToUnicode(definition.File), definition.Position, priority, priority == best && winners.Contains(definition.Position), false));
        }
        return new OptionOrigin([.. leaf.Loc.Select(ByteText.ToUnicode)], definitions, [.. leaf.Declarations.Where(d => d.Position is not null).Select(d => d.Position!.Value)]);
    }

    /// <summary>The override priority of a definition; a definition whose properties do not evaluate counts as plain.</summary>
    private static int PriorityOf(Value value)
    {
        try
        {
            return Properties.Properties.OverridePriority(value);
        }
        catch (EvaluationException e) when (e.IsCatchable)
        {
            return Priorities.Plain;
        }
    }
}
