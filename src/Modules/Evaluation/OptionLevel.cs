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
    /// <summary>Marks a child being built, so reaching it again is infinite recursion.</summary>
    private static readonly object Building = new();

    private readonly Interpreter _interpreter;
    private readonly ModuleSystem _system;
    private IReadOnlyList<DeclarationSource>? _declarations;
    private Func<IReadOnlyList<ConfigSource>>? _configSources;
    private IReadOnlyList<ConfigSource>? _configs;

    // Declared names (sorted) with their declarations and built children, parallel arrays: a
    // submodule instance has one level per nesting, so no dictionaries or sets per level.
    private Symbol[]? _names;
    private DeclarationSource[][]? _declarationsByIndex;
    private object?[]? _children;

    // Defined names (sorted) with their definitions, parallel arrays.
    private Symbol[]? _definedNames;
    private Definition[][]? _definitionsByIndex;

    private AttrSetValue? _options;
    private AttrSetValue? _config;
    private bool _grouping;
    private bool _groupingDefinitions;
    private bool _hasConfigs;

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

    private IReadOnlyList<ConfigSource> Configs
    {
        get
        {
            if (_configs is not null) return _configs;
            _configs = _configSources!();
            _configSources = null;
            return _configs;
        }
    }

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
        var total = 0;
        var declarations = _declarations!;
        for (var s = 0; s < declarations.Count; s++)
        {
            var source = declarations[s];
            var forced = source.Options.Force();
            if (forced is not AttrSetValue subtree)
            {
                throw Nix.Throw(
                    $"An option declaration for `{string.Join(".", Prefix)}' has type\n`{forced.TypeOf()}' rather than an attribute set.\nDid you mean to define this outside of `options'?\n",
                    ModuleDiagnostics.BadDeclaration, source.Position);
            }
            total += subtree.Count;
        }
        var entries = new List<(Symbol Name, DeclarationSource Source)>(total);
        for (var s = 0; s < declarations.Count; s++)
        {
            var source = declarations[s];
            var subtree = (AttrSetValue)source.Options.Force();
            for (var i = 0; i < subtree.Count; i++)
            {
                SourceLocation? position = subtree.Positions is { } p && p[i].Source is not null ? p[i] : null;
                entries.Add((subtree.Names[i], new DeclarationSource(source.File, subtree.Values[i], position)));
            }
        }
        (_names, _declarationsByIndex) = GroupSorted(entries);
        _children = new object?[_names.Length];
        // Grouped: the per-module sources are not needed any more (a submodule instance keeps its levels).
        _declarations = null;
    }

    /// <summary>Groups (name, item) pairs by name: names sorted, items in their original order.</summary>
    private static (Symbol[] Names, T[][] Groups) GroupSorted<T>(List<(Symbol Name, T Item)> entries)
    {
        if (entries.Count == 0) return ([], []);
        var order = new int[entries.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Sorting the indices by (name, index) keeps each name's items in their original order.
        // Levels are mostly small (a submodule's options): a stable insertion sort needs no delegate.
        if (order.Length <= 32)
        {
            for (var i = 1; i < order.Length; i++)
            {
                var current = order[i];
                var name = entries[current].Name;
                var j = i - 1;
                while (j >= 0 && Compare(entries[order[j]].Name, name) > 0)
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = current;
            }
        }
        else
        {
            Array.Sort(order, (a, b) =>
            {
                var c = Compare(entries[a].Name, entries[b].Name);
                return c != 0 ? c : a.CompareTo(b);
            });
        }
        var distinct = 1;
        for (var i = 1; i < order.Length; i++)
        {
            if (!ReferenceEquals(entries[order[i]].Name, entries[order[i - 1]].Name)) distinct++;
        }
        var names = new Symbol[distinct];
        var groups = new T[distinct][];
        var start = 0;
        for (var g = 0; g < distinct; g++)
        {
            var name = entries[order[start]].Name;
            var end = start + 1;
            while (end < order.Length && ReferenceEquals(entries[order[end]].Name, name)) end++;
            var group = new T[end - start];
            for (var k = start; k < end; k++) group[k - start] = entries[order[k]].Item;
            names[g] = name;
            groups[g] = group;
            start = end;
        }
        return (names, groups);
    }

    private static int Compare(Symbol a, Symbol b) => ReferenceEquals(a, b) ? 0 : string.CompareOrdinal(a.Name, b.Name);

    /// <summary>Where <paramref name="name"/> is in a sorted name array, or -1.</summary>
    private static int IndexOf(Symbol[] names, Symbol name)
    {
        int lo = 0, hi = names.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var candidate = names[mid];
            if (ReferenceEquals(candidate, name)) return mid;
            var c = string.CompareOrdinal(candidate.Name, name.Name);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    private Definition[] DefinitionsOf(Symbol name)
    {
        GroupDefinitionsOnDemand();
        var i = IndexOf(_definedNames!, name);
        return i < 0 ? [] : _definitionsByIndex![i];
    }

    private void GroupDefinitionsOnDemand()
    {
        if (_definedNames is not null) return;
        if (_groupingDefinitions) throw EvaluationException.InfiniteRecursion(null);
        _groupingDefinitions = true;
        try
        {
            GroupDefinitions();
        }
        finally
        {
            _groupingDefinitions = false;
        }
    }

    private void GroupDefinitions()
    {
        var configs = Configs;
        var entries = new List<(Symbol Name, Definition Definition)>(configs.Count * 4);
        for (var s = 0; s < configs.Count; s++)
        {
            var source = configs[s];
            var forced = source.Config.Force();
            if (forced is not AttrSetValue config)
            {
                var at = string.Join(".", Prefix);
                throw Nix.Throw(
                    $"In module `{LibraryFiles.DisplayName(source.File)}', you're trying to define a value of type `{forced.TypeOf()}'\nrather than an attribute set for the option\n`{at}'!\n\n" +
                    $"This usually happens if `{at}' has option\ndefinitions inside that are not matched. Please check how to properly define\nthis option by e.g. referring to `man 5 configuration.nix'!\n",
                    ModuleDiagnostics.WrongType);
            }
            for (var i = 0; i < config.Count; i++)
            {
                SourceLocation? position = config.Positions is { } p && p[i].Source is not null ? p[i] : null;
                entries.Add((config.Names[i], new Definition(source.File, config.Values[i], position)));
            }
        }
        (_definedNames, _definitionsByIndex) = GroupSorted(entries);
        _hasConfigs = configs.Count > 0;
        _configs = null;
    }

    /// <summary>
    /// <paramref name="defaultValue"/>, the value of option <paramref name="name"/> when
    /// <paramref name="declaration"/> alone declares it, nothing defines it and it was not built
    /// yet; else null (then read it as any other). Every submodule instance reads
    /// <c>_module.check</c> and <c>_module.freeformType</c> so: built, the two options were kept
    /// with the instance for nothing.
    /// </summary>
    public Value? UnbuiltDefault(Symbol name, AttrSetValue declaration, Value defaultValue)
    {
        if (_names is null) GroupDeclarations();
        var index = IndexOf(_names!, name);
        if (index < 0 || _children![index] is not null) return null;
        var declarations = _declarationsByIndex![index];
        if (declarations.Length != 1 || !ReferenceEquals(declarations[0].Options, declaration)) return null;
        return DefinitionsOf(name).Length == 0 ? defaultValue : null;
    }

    /// <summary>The declared names whose option or level is built, in order (tests see what a walk built).</summary>
    internal IEnumerable<string> BuiltNames =>
        _names is null ? [] : _names.Where((_, i) => _children![i] is not null).Select(n => n.Name);

    /// <summary>The option or deeper level for a declared name.</summary>
    public object Child(Symbol name)
    {
        if (_names is null) GroupDeclarations();
        var index = IndexOf(_names!, name);
        if (index < 0) throw new KeyNotFoundException($"no option or level `{name.Name}' at this level");
        return Child(index);
    }

    private object Child(int index)
    {
        var child = _children![index];
        if (child is not null && !ReferenceEquals(child, Building)) return child;
        if (child is not null) throw EvaluationException.InfiniteRecursion(null);
        _children[index] = Building;
        try
        {
            return _children[index] = BuildChild(index);
        }
        catch
        {
            _children[index] = null;
            throw;
        }
    }

    private object BuildChild(int index)
    {
        object child;
        var name = _names![index];
        var declarations = _declarationsByIndex![index];
        var loc = OptionPath.Append(Prefix, name.Name);
        var definitions = DefinitionsOf(name);

        var optionCount = CheckDeclarations(index, loc);

        if (optionCount == declarations.Length)
        {
            child = new OptionLeaf(_interpreter, loc, declarations, definitions);
        }
        else if (optionCount > 0)
        {
            // Options of submodule type mixed with nested declarations (checked above): the nested
            // ones become options of the same submodule type.
            var converted = new DeclarationSource[declarations.Length];
            for (var i = 0; i < converted.Length; i++)
            {
                var d = declarations[i];
                converted[i] = IsOption(d) ? d : d with { Options = _system.OptionTreeToOption(d.Options) };
            }
            child = new OptionLeaf(_interpreter, loc, converted, definitions);
        }
        else
        {
            var nestedDeclarations = declarations;
            IReadOnlyList<ConfigSource> nestedConfigs()
            {
                var configs = new List<ConfigSource>(definitions.Length);
                foreach (var definition in definitions)
                {
                    foreach (var value in Properties.Properties.PushDown(definition.Value)) configs.Add(new ConfigSource(definition.File, value));
                }
                return configs;
            }
            child = new OptionLevel(_interpreter, _system, loc, nestedDeclarations, nestedConfigs);
        }
        return child;
    }

    /// <summary>
    /// The checks <c>mergeModules'</c> makes of a name's declarations before it knows what the
    /// name is (a declaration that is not an option, options mixed with nested declarations):
    /// how many of them are options. <paramref name="loc"/> is made only for an error when null.
    /// Options mixed with nested declarations must all be of submodule type, or it is an error.
    /// </summary>
    private int CheckDeclarations(int index, IReadOnlyList<string>? loc)
    {
        var declarations = _declarationsByIndex![index];
        var optionCount = 0;
        foreach (var declaration in declarations)
        {
            var tag = Nix.TypeTag(declaration.Options);
            if (tag is null) continue;
            if (tag != "option") throw DeclarationTypeError(loc ?? OptionPath.Append(Prefix, _names![index].Name), tag, declaration.File);
            optionCount++;
        }
        if (optionCount == 0 || optionCount == declarations.Length) return optionCount;
        // The mixed case is rare: its tags are read a second time rather than kept from the first pass.
        foreach (var declaration in declarations)
        {
            if (IsOption(declaration) && TypeNameOf(declaration.Options) != "submodule")
                throw NestedUnderNonSubmodule(loc ?? OptionPath.Append(Prefix, _names![index].Name), declarations);
        }
        return optionCount;
    }

    private static bool IsOption(DeclarationSource declaration) => Nix.TypeTag(declaration.Options) == "option";

    private static EvaluationException NestedUnderNonSubmodule(IReadOnlyList<string> loc, DeclarationSource[] declarations)
    {
        // Nix names the first option of the name, whichever one is not a submodule.
        var first = Array.Find(declarations, IsOption)!;
        var description = Nix.Get(Nix.ForceAttrs(first.Options), "type") is { } t
            && t.Force() is AttrSetValue ta && Nix.Get(ta, "description") is { } dv ? Nix.ForceString(dv) : "<no description>";
        var nested = new List<string>();
        foreach (var declaration in declarations)
        {
            if (IsOption(declaration)) continue;
            foreach (var n in Nix.ForceAttrs(declaration.Options).Names)
                nested.Add($" - option(s) with prefix `{OptionPath.Show([.. loc, n.Name])}' in module `{LibraryFiles.DisplayName(declaration.File)}'");
        }
        nested.Sort(StringComparer.Ordinal);
        return Nix.Throw(
            $"The option `{OptionPath.Show(loc)}' in module `{LibraryFiles.DisplayName(first.File)}' would be a parent of the following options, but its type `{description}' does not support nested options.\n{string.Join("\n", nested)}",
            ModuleDiagnostics.BadDeclaration, first.Position);
    }

    /// <summary>
    /// The unmatched walk's part for a declared name nothing defines here: its declarations are
    /// checked (<c>mergeModules'</c> looks at every name's), nothing is built, since a level nothing
    /// defines has nothing unmatched and an option is not a place for unmatched definitions.
    /// </summary>
    private void CheckUndefined(int index)
    {
        var child = _children![index];
        // One being built is reached again: infinite recursion, as Child says.
        if (ReferenceEquals(child, Building)) throw EvaluationException.InfiniteRecursion(null);
        if (child is null) CheckDeclarations(index, null);
    }

    /// <summary>
    /// Whether a declared name is a deeper level, without building an option that is not one:
    /// the unmatched walk of every submodule instance asks this of the names defined here, and an
    /// option built for it would be kept by the instance though nothing reads it.
    /// </summary>
    private bool IsLevel(int index)
    {
        var child = _children![index];
        // One being built is reached again: Child says so (infinite recursion), as before.
        if (child is not null) return ReferenceEquals(child, Building) || child is OptionLevel;
        return CheckDeclarations(index, null) == 0;
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
        var message = $"In module {LibraryFiles.DisplayName(file)}: expected an option declaration at option path `{OptionPath.Show(loc)}` but got an attribute set with type {tag}";
        if (tag == "option-type")
        {
            var comment = loc.Count > 1 ? $"\n    # {OptionPath.Show(loc)}" : "";
            message += $"\n\nWhen declaring an option, you must wrap the type in a `mkOption` call. It should look somewhat like:\n    {comment}\n    {name} = lib.mkOption {{\n      description = ...;\n      type = <the type you wrote for {name}>;\n      ...\n    }};\n";
        }
        return Nix.Throw(message, ModuleDiagnostics.BadDeclaration);
    }

    /// <summary>The <c>options</c> tree: option records at the leaves.</summary>
    public AttrSetValue OptionsValue => _options ??= ChildSet(options: true);

    /// <summary>The declared part of <c>config</c>: option values at the leaves.</summary>
    public AttrSetValue ConfigValue => _config ??= ChildSet(options: false);

    /// <summary>One lazy entry per declared name, for the options or the config side.</summary>
    private AttrSetValue ChildSet(bool options)
    {
        if (_names is null) GroupDeclarations();
        var names = _names!;
        var values = new Value[names.Length];
        for (var i = 0; i < names.Length; i++) values[i] = new ChildThunk(this, i, options);
        return new AttrSetValue(names, values, null);
    }

    /// <summary>Groups declarations and definitions for the unmatched walk; false when no module defines anything here.</summary>
    private bool GroupedForUnmatched()
    {
        if (_definedNames is null ? Configs.Count == 0 : !_hasConfigs) return false;
        GroupDefinitionsOnDemand();
        if (_names is null) GroupDeclarations();
        return true;
    }

    /// <summary>Which comes next in the union of the two sorted name arrays: the declared name (&lt; 0),
    /// the defined one (&gt; 0), or both (0).</summary>
    private static int UnionOrder(Symbol[] declared, int d, Symbol[] defined, int f) =>
        d == declared.Length ? 1
        : f == defined.Length ? -1
        : ReferenceEquals(declared[d], defined[f]) ? 0
        : string.CompareOrdinal(declared[d].Name, defined[f].Name);

    /// <summary>
    /// Whether <see cref="Unmatched"/> yields anything, walking the same names in the same order but
    /// without an iterator and a prefix per level (it runs for every submodule instance). The walk
    /// goes on past an unmatched definition: nixpkgs compares the whole <c>unmatchedDefns</c> list
    /// with <c>[ ]</c>, which forces every name's result first, so a bad declaration at any name
    /// (here or in a defined level below) is the error reported, not the unknown option.
    /// </summary>
    public bool HasUnmatched()
    {
        if (!GroupedForUnmatched()) return false;
        var declaredNames = _names!;
        var definedNames = _definedNames!;
        var found = false;
        int d = 0, f = 0;
        while (d < declaredNames.Length || f < definedNames.Length)
        {
            var c = UnionOrder(declaredNames, d, definedNames, f);
            if (c > 0)
            {
                found |= DefinitionsOf(definedNames[f]).Length > 0;
                f++;
                continue;
            }
            var declared = d++;
            if (c < 0)
            {
                CheckUndefined(declared);
                continue;
            }
            f++;
            if (IsLevel(declared) && Child(declared) is OptionLevel level) found |= level.HasUnmatched();
        }
        return found;
    }

    /// <summary>Definitions with no matching option, sorted by path. Like <see cref="HasUnmatched"/>, it
    /// checks the declarations of every name but builds only the levels defined here (a
    /// <c>freeformType</c> submodule instance runs it, and options built for it were kept for nothing).</summary>
    public IEnumerable<UnmatchedDefinition> Unmatched()
    {
        if (!GroupedForUnmatched()) yield break;
        // Both name arrays are sorted: walk their union in order.
        var declaredNames = _names!;
        var definedNames = _definedNames!;
        int d = 0, f = 0;
        while (d < declaredNames.Length || f < definedNames.Length)
        {
            var c = UnionOrder(declaredNames, d, definedNames, f);
            if (c > 0)
            {
                var name = definedNames[f++];
                foreach (var definition in DefinitionsOf(name))
                    yield return new UnmatchedDefinition([name.Name], definition);
                continue;
            }
            var declared = d++;
            if (c < 0)
            {
                CheckUndefined(declared);
                continue;
            }
            f++;
            // Only a level defined here can hold unmatched definitions: it is built (config reads
            // it anyway), an option is not.
            if (IsLevel(declared) && Child(declared) is OptionLevel level)
            {
                var prefix = declaredNames[declared].Name;
                foreach (var inner in level.Unmatched())
                    yield return inner with { Prefix = [prefix, .. inner.Prefix] };
            }
        }
    }

    /// <summary>An entry of <see cref="OptionsValue"/> or <see cref="ConfigValue"/>: one object, no closure.</summary>
    private sealed class ChildThunk(OptionLevel level, int index, bool options) : Thunk
    {
        private OptionLevel? _level = level;

        protected override Value Compute() => (_level!.Child(index), options) switch
        {
            (OptionLeaf leaf, true) => leaf.Record,
            (OptionLeaf leaf, false) => leaf.Value,
            (OptionLevel nested, true) => nested.OptionsValue,
            (OptionLevel nested, false) => nested.ConfigValue,
            _ => throw new InvalidOperationException(),
        };

        protected override void Release() => _level = null;
    }
}
