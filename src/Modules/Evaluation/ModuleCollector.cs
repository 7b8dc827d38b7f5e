using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// Collects the modules of an evaluation: loads each (imports a path, calls a function with the
/// module arguments), normalises it, follows its <c>imports</c>, then drops disabled modules and
/// duplicates (same key, first one wins) in breadth-first order, as <c>genericClosure</c> does.
/// </summary>
public sealed class ModuleCollector(Interpreter interpreter, ModuleSystem system, string? expectedClass, string modulesPath, AttrSetValue moduleArguments)
{
    public const string UnknownFile = "<unknown-file>";

    private static readonly HashSet<Symbol> ConfigLessAttributes =
        [.. new[] { "_class", "_file", "key", "disabledModules", "imports", "options", "config", "meta", "freeformType" }.Select(Symbol.Intern)];
    private static readonly HashSet<Symbol> ShorthandRemoved =
        [.. new[] { "_class", "_file", "key", "disabledModules", "require", "imports", "freeformType" }.Select(Symbol.Intern)];

    // Looked up once per module instance: interned here rather than on every lookup.
    private static readonly Symbol FileName = Symbol.Intern("_file");
    private static readonly Symbol KeyName = Symbol.Intern("key");
    private static readonly Symbol ClassName = Symbol.Intern("_class");
    private static readonly Symbol DisabledModulesName = Symbol.Intern("disabledModules");
    private static readonly Symbol ConfigName = Symbol.Intern("config");
    private static readonly Symbol OptionsName = Symbol.Intern("options");
    private static readonly Symbol ImportsName = Symbol.Intern("imports");
    private static readonly Symbol RequireName = Symbol.Intern("require");
    private static readonly Symbol MetaName = Symbol.Intern("meta");
    private static readonly Symbol FreeformTypeName = Symbol.Intern("freeformType");

    private sealed record Collected(NormalizedModule Module, List<Collected> Imports);

    public List<NormalizedModule> Collect(IReadOnlyList<Value> modules)
    {
        var disabled = new List<(string File, Value Item)>();
        var roots = CollectStructured(UnknownFile, "", modules, disabled);
        // Most evaluations (every submodule instance) disable nothing: no set of keys then.
        HashSet<string>? disabledKeys = disabled.Count == 0 ? null
            : new HashSet<string>(disabled.SelectMany(d => DisabledKeys(d.File, d.Item)), StringComparer.Ordinal);

        var result = new List<NormalizedModule>(roots.Count * 2);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Collected>(roots.Count * 2);
        foreach (var root in roots)
        {
            if (disabledKeys is null || !disabledKeys.Contains(root.Module.Key)) queue.Enqueue(root);
        }
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (!seen.Add(next.Module.Key)) continue;
            result.Add(next.Module);
            foreach (var child in next.Imports)
            {
                if (disabledKeys is null || !disabledKeys.Contains(child.Module.Key)) queue.Enqueue(child);
            }
        }
        return result;
    }

    private List<Collected> CollectStructured(string parentFile, string parentKey, IReadOnlyList<Value> modules, List<(string, Value)> disabled)
    {
        var result = new List<Collected>(modules.Count);
        for (var n = 0; n < modules.Count; n++)
        {
            var module = CheckClass(Load(parentFile, $"{parentKey}:anon-{n + 1}", modules[n]));
            foreach (var item in Nix.ForceList(module.DisabledModules, "disabledModules must be a list").Items) disabled.Add((module.File, item));
            // The message is built only when it is needed: this runs for every module of every submodule instance.
            var importsValue = module.Imports.Force();
            var imports = (importsValue as ListValue ?? Nix.ForceList(importsValue, $"the imports of module `{LibraryFiles.DisplayName(module.File)}' must be a list")).Items;
            result.Add(new Collected(module, CollectStructured(module.File, module.Key, imports, disabled)));
        }
        return result;
    }

    private NormalizedModule CheckClass(NormalizedModule module)
    {
        if (expectedClass is null || module.Class is null || module.Class == expectedClass) return module;
        throw Nix.Throw(
            $"The module `{LibraryFiles.DisplayName(module.File)}` (class: {OptionPath.QuoteString(module.Class)}) cannot be imported into a module evaluation that expects class {OptionPath.QuoteString(expectedClass)}.\n\n" +
            "Help:\n- Ensure that you are importing the correct module.\n" +
            $"- Verify that the module's `_class`, {OptionPath.QuoteString(module.Class)} matches the expected `class` {OptionPath.QuoteString(expectedClass)}.\n" +
            "- If you are using a custom class, make sure it is correctly defined and used consistently across your modules.\n",
            ModuleDiagnostics.MalformedModule);
    }

    /// <summary><c>loadModule</c>: a function, a set, or a path to import.</summary>
    private NormalizedModule Load(string fallbackFile, string fallbackKey, Value module)
    {
        var forced = module.Force();
        switch (forced)
        {
            case var f when f.IsFunction:
                return Unify(fallbackFile, fallbackKey, ApplyArguments(fallbackKey, f));
            case AttrSetValue attrs:
                var tag = Nix.TypeTag(attrs) ?? "module";
                if (tag == "module") return Unify(fallbackFile, fallbackKey, attrs);
                if (tag is "if" or "override") return Unify(fallbackFile, fallbackKey, Nix.Attrs(("config", attrs)));
                throw NotAModule(fallbackFile, tag);
            case ListValue:
                throw Nix.Throw(
                    $"Module imports can't be nested lists. Perhaps you meant to remove one level of lists? Definitions: {DefinitionListing.Show([new Definition(fallbackFile, forced)])}",
                    ModuleDiagnostics.MalformedModule);
            default:
                var path = Nix.ForceString(forced, "a module must be a set, a function or a path");
                var imported = system.Import(interpreter, forced);
                var applied = imported.Force().IsFunction ? ApplyArguments(path, imported) : imported;
                return Unify(path, path, applied);
        }
    }

    private EvaluationException NotAModule(string fallbackFile, string tag)
    {
        var into = fallbackFile != UnknownFile ? $", while trying to load a module into {LibraryFiles.DisplayName(fallbackFile)}" : "";
        var message = $"Expected a module, but found a value of type {OptionPath.QuoteString(tag)}{into}.\n" +
            "A module is typically loaded by adding it to the imports = [ ... ]; attribute of an existing module, or in the modules = [ ... ]; argument of various functions.\n" +
            "Please make sure that each of the list items is a module, and not a different kind of value.";
        if (tag == "configuration")
        {
            message += "\n\nIf you really mean to import this configuration, instead please only import the modules that make up the configuration.\n" +
                "You may have to create a `let` binding, file or attribute to give yourself access to the relevant modules.\n" +
                "While loading a configuration into the module system is a very sensible idea, it can not be done cleanly in practice.";
        }
        else if (tag == "flake")
        {
            message += "\n\nPerhaps you forgot to select an attribute name?";
        }
        return Nix.Throw(message, ModuleDiagnostics.MalformedModule);
    }

    /// <summary>
    /// <c>applyModuleArgs</c>: calls a module function with a set holding exactly the names it
    /// asks for, each resolved lazily from the fixed arguments or else from
    /// <c>config._module.args</c>, so asking for <c>pkgs</c> does not evaluate it.
    /// </summary>
    private Value ApplyArguments(string key, Value function)
    {
        var argument = moduleArguments;
        if (function.Force() is LambdaValue lambda)
        {
            // The common case, a module function: its formals read directly, no list of names.
            var count = lambda.FormalCount;
            if (count == 0) return Nix.Call(interpreter, function, argument);
            var direct = new AttrSetBuilder(count);
            for (var i = 0; i < count; i++)
            {
                var symbol = lambda.FormalName(i);
                direct.Add(symbol, new ModuleArgumentThunk(system, moduleArguments, symbol, key));
            }
            return Nix.Call(interpreter, function, moduleArguments.Update(direct.Build()));
        }
        var formals = system.FunctionArguments(function);
        if (formals.Count > 0)
        {
            var extra = new AttrSetBuilder(formals.Count);
            foreach (var name in formals)
            {
                var symbol = Symbol.Intern(name);
                extra.Add(symbol, new ModuleArgumentThunk(system, moduleArguments, symbol, key));
            }
            argument = moduleArguments.Update(extra.Build());
        }
        return Nix.Call(interpreter, function, argument);
    }

    /// <summary><c>unifyModuleSyntax</c>.</summary>
    private NormalizedModule Unify(string file, string key, Value module)
    {
        var forced = module.Force();
        if (forced is not AttrSetValue m) throw Nix.Throw($"module {file} ({key}) does not look like a module.", ModuleDiagnostics.MalformedModule);
        var moduleFile = m.Get(FileName) is { } f ? system.ToStringValue(interpreter, f) : file;
        var moduleKey = m.Get(KeyName) is { } k ? system.ToStringValue(interpreter, k) : key;
        var moduleClass = m.Get(ClassName) is { } c && c.Force() is StringValue cs ? cs.Text : null;
        var disabledModules = m.Get(DisabledModulesName) ?? ListValue.Empty;

        if (m.Get(ConfigName) is not null || m.Get(OptionsName) is not null)
        {
            List<string>? bad = null;
            for (var i = 0; i < m.Count; i++)
            {
                if (!ConfigLessAttributes.Contains(m.Names[i])) (bad ??= []).Add(m.Names[i].Name);
            }
            if (bad is not null)
            {
                throw Nix.Throw(
                    $"Module `{moduleKey}' has an unsupported attribute `{bad[0]}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: {string.Join(" ", bad)}) into the explicit `config' attribute.",
                    ModuleDiagnostics.MalformedModule, m.PositionOf(Symbol.Intern(bad[0])));
            }
            var config = m.Get(ConfigName) ?? AttrSetValue.Empty;
            config = AddFreeformAndMeta(m, config);
            return new NormalizedModule(moduleFile, moduleKey, moduleClass, disabledModules,
                m.Get(ImportsName) ?? ListValue.Empty, m.Get(OptionsName) ?? AttrSetValue.Empty, config);
        }

        var imports = m.Get(ImportsName) ?? ListValue.Empty;
        if (m.Get(RequireName) is { } require)
        {
            var req = require;
            var imp = imports;
            imports = Nix.Lazy(() => ListValue.Of([.. Nix.ForceList(req).Items, .. Nix.ForceList(imp).Items]));
        }
        var removed = ShorthandRemoved;
        var keep = new AttrSetBuilder(m.Count);
        for (var i = 0; i < m.Count; i++)
        {
            if (!removed.Contains(m.Names[i])) keep.Add(m.Names[i], m.Values[i], m.Positions is { } p && p[i].Source is not null ? p[i] : null);
        }
        var shorthand = AddFreeformAndMeta(m, keep.Build(), metaIsConfig: true);
        return new NormalizedModule(moduleFile, moduleKey, moduleClass, disabledModules, imports, AttrSetValue.Empty, shorthand);
    }

    private static Value AddFreeformAndMeta(AttrSetValue module, Value config, bool metaIsConfig = false)
    {
        if (!metaIsConfig && module.Get(MetaName) is { } meta)
            config = Properties.Properties.MakeMerge(ListValue.Of([config, Nix.Attrs(("meta", meta))]));
        if (module.Get(FreeformTypeName) is { } freeform)
            config = Properties.Properties.MakeMerge(ListValue.Of([config, Nix.Attrs(("_module", Nix.Attrs(("freeformType", freeform))))]));
        return config;
    }

    /// <summary>The keys one <c>disabledModules</c> item names.</summary>
    private IEnumerable<string> DisabledKeys(string file, Value item)
    {
        var forced = item.Force();
        switch (forced)
        {
            case StringValue s:
                // Keys are the evaluator's bytes (see ByteText); modulesPath is a .NET path.
                yield return s.Text.StartsWith('/') ? s.Text : ByteText.FromUnicode(modulesPath) + "/" + s.Text;
                yield break;
            case PathValue p:
                yield return ByteText.FromUnicode(p.Path);
                yield break;
            case AttrSetValue attrs:
                if (Nix.Get(attrs, "outPath") is not null || Nix.Get(attrs, "__toString") is not null)
                {
                    var text = system.ToStringValue(interpreter, attrs);
                    if (Nix.Get(attrs, "key") is { } k && system.ToStringValue(interpreter, k) != text)
                        throw Nix.Throw($"Module `{file}` contains a disabledModules item that is an attribute set that can be converted to a string ({text}) but also has a `.key` attribute ({system.ToStringValue(interpreter, k)}) with a different value. This makes it ambiguous which module should be disabled.", ModuleDiagnostics.MalformedModule);
                    yield return text;
                    yield break;
                }
                if (Nix.Get(attrs, "key") is { } key)
                {
                    yield return system.ToStringValue(interpreter, key);
                    yield break;
                }
                throw Nix.Throw($"Module `{file}` contains a disabledModules item that is an attribute set, presumably a module, that does not have a `key` attribute. This means that the module system doesn't have any means to identify the module that should be disabled. Make sure that you've put the correct value in disabledModules: a string path relative to modulesPath, a path value, or an attribute set with a `key` attribute.", ModuleDiagnostics.MalformedModule);
            case NullValue or IntValue or FloatValue or BoolValue or ListValue:
                yield return system.ToStringValue(interpreter, forced);
                yield break;
            default:
                throw Nix.Throw($"Each disabledModules item must be a path, string, or a attribute set with a key attribute, or a value supported by toString. However, one of the disabledModules items in `{file}` is none of that, but is of type {forced.TypeOf()}.", ModuleDiagnostics.MalformedModule);
        }
    }

    /// <summary>One argument of a module function, resolved on first use (one object per argument, no closures).</summary>
    private sealed class ModuleArgumentThunk(ModuleSystem system, AttrSetValue moduleArguments, Symbol name, string key) : Thunk
    {
        protected override Value Compute()
        {
            try
            {
                if (moduleArguments.Get(name) is { } given) return given.Force();
                try
                {
                    return system.ModuleArgument(moduleArguments, name).Force();
                }
                catch (EvaluationException e)
                {
                    e.AddFrame($"noting that argument `{name.Name}` is not externally provided, so querying `_module.args` instead, requiring `config`", null);
                    throw;
                }
            }
            catch (EvaluationException e)
            {
                e.AddFrame($"while evaluating the module argument `{name.Name}' in \"{key}\":", null);
                throw;
            }
        }
    }
}
