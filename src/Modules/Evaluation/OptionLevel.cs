using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;
using ConfigLang.Modules.Types;

namespace ConfigLang.Modules.Evaluation;

/// <summary>Where a part of the option tree was declared: the module's file and the subtree (or option) value.</summary>
public sealed record DeclarationSource(string File, Value Options, SourceLocation? Position);

/// <summary>A module's config at some level of the tree, with its properties pushed down.</summary>
public sealed record ConfigSource(string File, Value Config);

/// <summary>A definition no option matched, with its path relative to the evaluation's prefix.</summary>
public sealed record UnmatchedDefinition(IReadOnlyList<string> Prefix, Definition Definition);

/// <summary>
/// One level of the option tree (<c>mergeModules'</c>): the declarations and definitions of
/// every module at a prefix, grouped by attribute name. A name whose declarations are options
/// becomes an <see cref="OptionLeaf"/>; other names recurse into a deeper level. Everything is
/// computed on demand, per name: reading <c>config.a.b</c> evaluates only what <c>a</c> and
/// <c>a.b</c> need, which is what makes the configuration a lazy fixed point.
/// </summary>
public sealed class OptionLevel
{
    private readonly Interpreter _interpreter;
    private readonly ModuleSystem _system;
    private readonly IReadOnlyList<DeclarationSource> _declarations;
    private readonly Func<IReadOnlyList<ConfigSource>> _configSources;
    private IReadOnlyList<ConfigSource>? _configs;
    private List<Symbol>? _names;
    private Dictionary<Symbol, List<DeclarationSource>>? _declarationsByName;
    private Dictionary<Symbol, List<Definition>>? _definitionsByName;
    private List<Symbol>? _definedNames;
    private readonly Dictionary<Symbol, object> _children = [];
    private AttrSetValue? _options;
    private AttrSetValue? _config;

    public OptionLevel(Interpreter interpreter, ModuleSystem system, IReadOnlyList<string> prefix,
        IReadOnlyList<DeclarationSource> declarations, Func<IReadOnlyList<ConfigSource>> configs)
    {
        _interpreter = interpreter;
        _system = system;
        Prefix = prefix;
        _declarations = declarations;
        _configSources = configs;
    }

    public IReadOnlyList<string> Prefix { get; }

    private IReadOnlyList<ConfigSource> Configs => _configs ??= _configSources();

    /// <summary>The declared names at this level, sorted.</summary>
    public IReadOnlyList<Symbol> Names
    {
        get
        {
            if (_names is null) GroupDeclarations();
            return _names!;
        }
    }

    private void GroupDeclarations()
    {
        if (_grouping) throw EvaluationException.InfiniteRecursion(null);
        _grouping = true;
        try
        {
            GroupDeclarationsOnce();
        }
        finally
        {
            _grouping = false;
        }
    }

    private void GroupDeclarationsOnce()
    {
        var byName = new Dictionary<Symbol, List<DeclarationSource>>();
        foreach (var source in _declarations)
        {
            var forced = source.Options.Force();
            if (forced is not AttrSetValue subtree)
            {
                throw Nix.Throw(
                    $"An option declaration for `{string.Join(".", Prefix)}' has type\n`{forced.TypeOf()}' rather than an attribute set.\nDid you mean to define this outside of `options'?\n",
                    ModuleDiagnostics.BadDeclaration, source.Position);
            }
            for (var i = 0; i < subtree.Count; i++)
            {
                var name = subtree.Names[i];
                if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
                SourceLocation? position = subtree.Positions is { } p && p[i].Source is not null ? p[i] : null;
                list.Add(new DeclarationSource(source.File, subtree.Values[i], position));
            }
        }
        _declarationsByName = byName;
        var names = byName.Keys.ToList();
        names.Sort(Symbol.ByName);
        _names = names;
    }

    private Dictionary<Symbol, List<Definition>> DefinitionsByName
    {
        get
        {
            if (_definitionsByName is not null) return _definitionsByName;
            if (_groupingDefinitions) throw EvaluationException.InfiniteRecursion(null);
            _groupingDefinitions = true;
            try
            {
                return _definitionsByName = GroupDefinitions();
            }
            finally
            {
                _groupingDefinitions = false;
            }
        }
    }

    private Dictionary<Symbol, List<Definition>> GroupDefinitions()
    {
        {
            var byName = new Dictionary<Symbol, List<Definition>>();
            var order = new List<Symbol>();
            foreach (var source in Configs)
            {
                var forced = source.Config.Force();
                if (forced is not AttrSetValue config)
                {
                    var at = string.Join(".", Prefix);
                    throw Nix.Throw(
                        $"In module `{source.File}', you're trying to define a value of type `{forced.TypeOf()}'\nrather than an attribute set for the option\n`{at}'!\n\n" +
                        $"This usually happens if `{at}' has option\ndefinitions inside that are not matched. Please check how to properly define\nthis option by e.g. referring to `man 5 configuration.nix'!\n",
                        ModuleDiagnostics.WrongType);
                }
                for (var i = 0; i < config.Count; i++)
                {
                    var name = config.Names[i];
                    if (!byName.TryGetValue(name, out var list))
                    {
                        byName[name] = list = [];
                        order.Add(name);
                    }
                    SourceLocation? position = config.Positions is { } p && p[i].Source is not null ? p[i] : null;
                    list.Add(new Definition(source.File, config.Values[i], position));
                }
            }
            order.Sort(Symbol.ByName);
            _definedNames = order;
            return byName;
        }
    }

    /// <summary>The option or deeper level for a declared name.</summary>
    private readonly HashSet<Symbol> _building = [];
    private bool _grouping;
    private bool _groupingDefinitions;

    public object Child(Symbol name)
    {
        if (_children.TryGetValue(name, out var child)) return child;
        if (!_building.Add(name)) throw EvaluationException.InfiniteRecursion(null);
        try
        {
            return _children[name] = BuildChild(name);
        }
        finally
        {
            _building.Remove(name);
        }
    }

    private object BuildChild(Symbol name)
    {
        object child;
        if (_declarationsByName is null) GroupDeclarations();
        var declarations = _declarationsByName![name];
        var loc = new List<string>(Prefix) { name.Name };
        var definitions = DefinitionsByName.TryGetValue(name, out var defs) ? defs : [];

        var optionCount = 0;
        foreach (var declaration in declarations)
        {
            var tag = Nix.TypeTag(declaration.Options);
            if (tag is null) continue;
            if (tag != "option") throw DeclarationTypeError(loc, tag, declaration.File);
            optionCount++;
        }

        if (optionCount == declarations.Count)
        {
            child = new OptionLeaf(_interpreter, _system, loc, declarations, definitions);
        }
        else if (optionCount > 0)
        {
            var options = declarations.Where(d => Nix.TypeTag(d.Options) == "option").ToList();
            if (!options.All(d => TypeNameOf(d.Options) == "submodule"))
            {
                var first = options[0];
                var description = Nix.Get(Nix.ForceAttrs(first.Options), "type") is { } t
                    && t.Force() is AttrSetValue ta && Nix.Get(ta, "description") is { } dv ? Nix.ForceString(dv) : "<no description>";
                var nested = declarations.Where(d => Nix.TypeTag(d.Options) != "option")
                    .SelectMany(d => Nix.ForceAttrs(d.Options).Names.Select(n =>
                        $" - option(s) with prefix `{OptionPath.Show([.. loc, n.Name])}' in module `{d.File}'"))
                    .Order(StringComparer.Ordinal);
                throw Nix.Throw(
                    $"The option `{OptionPath.Show(loc)}' in module `{first.File}' would be a parent of the following options, but its type `{description}' does not support nested options.\n{string.Join("\n", nested)}",
                    ModuleDiagnostics.BadDeclaration, first.Position);
            }
            var converted = declarations.Select(d => Nix.TypeTag(d.Options) == "option"
                ? d
                : d with { Options = _system.OptionTreeToOption(d.Options) }).ToList();
            child = new OptionLeaf(_interpreter, _system, loc, converted, definitions);
        }
        else
        {
            var nestedDeclarations = declarations;
            IReadOnlyList<ConfigSource> nestedConfigs() => [.. definitions.SelectMany(d =>
                Properties.Properties.PushDown(d.Value).Select(v => new ConfigSource(d.File, v)))];
            child = new OptionLevel(_interpreter, _system, loc, nestedDeclarations, nestedConfigs);
        }
        return child;
    }

    private static string? TypeNameOf(Value option)
    {
        var attrs = Nix.ForceAttrs(option);
        if (Nix.Get(attrs, "type") is not { } type) return null;
        return type.Force() is AttrSetValue t && Nix.Get(t, "name")?.Force() is StringValue s ? s.Text : null;
    }

    private static EvaluationException DeclarationTypeError(IReadOnlyList<string> loc, string tag, string file)
    {
        var name = OptionPath.EscapeIdentifier(loc[^1]);
        var message = $"In module {file}: expected an option declaration at option path `{OptionPath.Show(loc)}` but got an attribute set with type {tag}";
        if (tag == "option-type")
        {
            var comment = loc.Count > 1 ? $"\n    # {OptionPath.Show(loc)}" : "";
            message += $"\n\nWhen declaring an option, you must wrap the type in a `mkOption` call. It should look somewhat like:\n    {comment}\n    {name} = lib.mkOption {{\n      description = ...;\n      type = <the type you wrote for {name}>;\n      ...\n    }};\n";
        }
        return Nix.Throw(message, ModuleDiagnostics.BadDeclaration);
    }

    /// <summary>The <c>options</c> tree: option records at the leaves.</summary>
    public AttrSetValue OptionsValue
    {
        get
        {
            if (_options is not null) return _options;
            var names = Names;
            var values = new Value[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                values[i] = Nix.Lazy(() => Child(name) switch
                {
                    OptionLeaf leaf => leaf.Record,
                    OptionLevel level => level.OptionsValue,
                    _ => throw new InvalidOperationException(),
                });
            }
            return _options = new AttrSetValue([.. names], values, null);
        }
    }

    /// <summary>The declared part of <c>config</c>: option values at the leaves.</summary>
    public AttrSetValue ConfigValue
    {
        get
        {
            if (_config is not null) return _config;
            var names = Names;
            var values = new Value[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                values[i] = Nix.Lazy(() => Child(name) switch
                {
                    OptionLeaf leaf => leaf.Value,
                    OptionLevel level => level.ConfigValue,
                    _ => throw new InvalidOperationException(),
                });
            }
            return _config = new AttrSetValue([.. names], values, null);
        }
    }

    /// <summary>Definitions with no matching option, sorted by path.</summary>
    public IEnumerable<UnmatchedDefinition> Unmatched()
    {
        if (Configs.Count == 0) yield break;
        var definitions = DefinitionsByName;
        if (_declarationsByName is null) GroupDeclarations();
        var names = new SortedSet<Symbol>(Symbol.ByName);
        foreach (var n in _definedNames!) names.Add(n);
        foreach (var n in _names!) names.Add(n);
        foreach (var name in names)
        {
            if (_declarationsByName!.ContainsKey(name))
            {
                if (Child(name) is OptionLevel level)
                {
                    foreach (var inner in level.Unmatched())
                        yield return inner with { Prefix = [name.Name, .. inner.Prefix] };
                }
            }
            else
            {
                foreach (var definition in definitions[name])
                    yield return new UnmatchedDefinition([name.Name], definition);
            }
        }
    }
}
