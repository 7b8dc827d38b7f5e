using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;
using ConfigLang.Modules.Types;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// <c>lib.evalModules</c>, natively. Given modules, it collects them (following imports, minus
/// disabled ones), builds the option tree from every module's <c>options</c> and
/// <c>config</c>, and returns <c>{ config, options, _module, extendModules, type, class }</c>.
/// <c>config</c> is the lazy fixed point every module function receives: each option's value is
/// computed on first use from the definitions of all modules, which may read other options.
/// Definitions that match no option are an error (with suggestions) unless a freeform type
/// takes them.
/// </summary>
public sealed class ModuleSystem
{
    /// <param name="library">The <c>lib</c> modules receive.</param>
    /// <param name="interpreter">The interpreter this library was loaded into.</param>
    public ModuleSystem(Interpreter interpreter, Func<Value> library)
    {
        Interpreter = interpreter;
        Library = library;
        LibraryValue = Nix.Lazy(library);
    }

    /// <summary>Whether each evaluation's <c>config</c> is registered in <see cref="ConfigurationOrigins"/>.</summary>
    public bool RecordsOrigins { get; init; }

    /// <summary><see cref="Library"/> as one thunk shared by every evaluation.</summary>
    private Value LibraryValue { get; }

    public Interpreter Interpreter { get; }

    public Func<Value> Library { get; }

    public Value Import(Interpreter interpreter, Value path) => interpreter.Import(interpreter.CoerceToPath(path, null), null);

    /// <summary><c>toString</c>, for keys and <c>_file</c>.</summary>
    public string ToStringValue(Interpreter interpreter, Value value) => value.Force() switch
    {
        StringValue s => s.Text,
        PathValue p => ByteText.FromUnicode(p.Path),
        var other => interpreter.CoerceToStringValue(other, null, coerceMore: true, copyToStore: false).Text,
    };

    private static readonly Symbol FunctionArgs = Symbol.Intern("__functionArgs");

    /// <summary>The names a module function asks for (<c>builtins.functionArgs</c>).</summary>
    public IReadOnlyList<string> FunctionArguments(Value function) => function.Force() switch
    {
        LambdaValue { Formals: { } formals } => [.. formals.Select(f => f.Name)],
        AttrSetValue attrs when attrs.Get(FunctionArgs) is { } args => [.. Nix.ForceAttrs(args).Names.Select(n => n.Name)],
        _ => [],
    };

    // Read for every argument a module function takes from _module.args (`name` in each instance).
    private static readonly Symbol ConfigName = Symbol.Intern("config");
    private static readonly Symbol ArgsName = Symbol.Intern("args");

    /// <summary><c>config._module.args.NAME</c> of the evaluation that owns <paramref name="arguments"/>.</summary>
    public Value ModuleArgument(AttrSetValue arguments, Symbol name)
    {
        var config = Nix.ForceAttrs(arguments.Get(ConfigName)!);
        var module = Nix.ForceAttrs(config.Get(InternalOptions.ModuleName)!);
        var args = Nix.ForceAttrs(module.Get(ArgsName)!);
        return args.Get(name) ?? throw Nix.Throw($"attribute '{name.Name}' missing", ModuleDiagnostics.General);
    }

    public AttrSetValue Evaluate(Interpreter interpreter, EvalModulesRequest request) =>
        new Evaluation(interpreter, this, request).Result;

    /// <summary>
    /// <c>(evalModules request).config</c>, forced, without building the rest of the result
    /// (what a submodule's merge needs, once per instance).
    /// </summary>
    public Value EvaluateConfig(Interpreter interpreter, EvalModulesRequest request) =>
        new Evaluation(interpreter, this, request).CheckedConfig();

    /// <summary>A non-option declaration subtree as an option of a submodule type (<c>optionTreeToOption</c>).</summary>
    public Value OptionTreeToOption(Value subtree)
    {
        var type = new SubmoduleType(this, [Nix.Attrs(("options", subtree))], AttrSetValue.Empty, shorthandOnlyDefinesConfig: null, description: null, moduleClass: null);
        return Nix.Attrs(("_type", Nix.Str("option")), ("type", type.ToValue()));
    }

    /// <summary>The state of one evaluation.</summary>
    private sealed class Evaluation
    {
        private readonly Interpreter _interpreter;
        private readonly ModuleSystem _system;
        private readonly EvalModulesRequest _request;
        private OnceField<OptionLevel> _root;
        private OnceField<Value> _config;
        private bool _checked;
        private AttrSetValue? _result;

        public Evaluation(Interpreter interpreter, ModuleSystem system, EvalModulesRequest request)
        {
            _interpreter = interpreter;
            _system = system;
            _request = request;
        }

        public AttrSetValue Result => _result ??= BuildResult();

        /// <summary>The <c>config</c> of <see cref="Result"/>, forced.</summary>
        public Value CheckedConfig()
        {
            CheckUnmatched();
            var config = Nix.ForceAttrs(Config).Without(InternalOptions.ModuleName);
            if (!_system.RecordsOrigins) return config;
            // A submodule instance (one per certificate, virtual host, …) does not keep its option
            // tree for its origins, only how to make it again: kept for every instance, the trees
            // were most of the live heap and made lint of 1,000 certificates spend half its time
            // collecting garbage, while origins are asked for a few values (findings, preview's
            // sites). A tree its unforced options still keep is used as it is (show walks them).
            var (interpreter, system, request) = (_interpreter, _system, _request);
            return ConfigurationOrigins.Remember(config, Root, () => new Evaluation(interpreter, system, request).Root);
        }

        private AttrSetValue Remembered(AttrSetValue config) =>
            _system.RecordsOrigins ? ConfigurationOrigins.Remember(config, () => Root) : config;

        private OptionLevel Root => _root.Get(this, static e => e.BuildRoot());

        private OptionLevel BuildRoot()
        {
            var modulesPath = _request.SpecialArgs.Get(ModulesPathName) is { } mp ? _system.ToStringValue(_interpreter, mp) : "";
            // Names sorted as a set keeps them (ordinal): built directly, once per submodule instance.
            var arguments = new AttrSetValue(
                ArgumentNames,
                [
                    _request.Class is { } c ? Nix.Str(c) : Nix.Null,
                    new MemberThunk(this, Member.Prefix),
                    new MemberThunk(this, Member.ConfigArgument),
                    _system.LibraryValue,
                    new MemberThunk(this, Member.Options),
                    _request.SpecialArgs,
                ],
                null).Update(_request.SpecialArgs);

            var collector = new ModuleCollector(_interpreter, _system, _request.Class, modulesPath, arguments);
            var modules = collector.Collect([.. _request.Modules, InternalModule()]);
            modules.Reverse();
            var declarations = new DeclarationSource[modules.Count];
            for (var i = 0; i < declarations.Length; i++) declarations[i] = new DeclarationSource(modules[i].File, modules[i].Options, null);
            return new OptionLevel(_interpreter, _system, _request.Prefix, declarations, () =>
            {
                var configs = new List<ConfigSource>(modules.Count);
                foreach (var module in modules)
                {
                    foreach (var config in Properties.Properties.PushDown(module.Config)) configs.Add(new ConfigSource(module.File, config));
                }
                return configs;
            });
        }

        private Value Config => _config.Get(this, static e => e.ComputeConfig());

        private Value ComputeConfig()
        {
            var declared = Root.ConfigValue;
            var freeform = FreeformType(declared);
            if (freeform is null) return declared;
            var unmatched = Root.Unmatched().ToList();
            if (unmatched.Count == 0) return declared;
            var definitions = unmatched.Select(u => u.Definition.WithValue(SetAttrByPath(u.Prefix, u.Definition.Value))).ToList();
            var free = Nix.ForceAttrs(freeform.Merge(_interpreter, _request.Prefix, definitions));
            return RecursiveUpdate(free, declared);
        }

        private OptionType? FreeformType(AttrSetValue declared)
        {
            var type = ModuleOption(declared, InternalOptions.FreeformTypeName).Force();
            return type is NullValue ? null : OptionType.FromValue(type);
        }

        /// <summary>
        /// <c>config._module.NAME</c> (<c>check</c> or <c>freeformType</c>) of <paramref name="declared"/>:
        /// the internal default when it holds (<see cref="InternalDefault"/>), else the option's value.
        /// The default is tried first, and <c>declared._module</c> is forced only when it does not
        /// hold: both build the <c>_module</c> level and group its declarations, in that order (the
        /// default then groups its definitions too), so the same errors come first either way, and
        /// an instance no longer makes the <c>_module</c> set of thunks nothing reads.
        /// </summary>
        private Value ModuleOption(AttrSetValue declared, Symbol name) =>
            InternalDefault(name) ?? Nix.ForceAttrs(declared.Get(InternalOptions.ModuleName)!).Get(name)!;

        /// <summary>The default of a <c>_module</c> option of this evaluation when only the internal
        /// module declares it and nothing defines it (see <see cref="OptionLevel.UnbuiltDefault"/>).</summary>
        private Value? InternalDefault(Symbol name)
        {
            if (Root.Child(InternalOptions.ModuleName) is not OptionLevel module) return null;
            var (declaration, defaultValue) = InternalOptions.Declaration(_request.IsNested, name);
            return module.UnbuiltDefault(name, declaration, defaultValue);
        }

        private static Value SetAttrByPath(IReadOnlyList<string> path, Value value)
        {
            for (var i = path.Count - 1; i >= 0; i--) value = Nix.Attrs((path[i], value));
            return value;
        }

        private static AttrSetValue RecursiveUpdate(AttrSetValue left, AttrSetValue right)
        {
            var builder = new AttrSetBuilder(left.Count + right.Count);
            for (var i = 0; i < left.Count; i++) builder.Add(left.Names[i], left.Values[i]);
            for (var i = 0; i < right.Count; i++)
            {
                var name = right.Names[i];
                var rightValue = right.Values[i];
                if (left.Get(name) is { } leftValue && leftValue.Force() is AttrSetValue l && rightValue.Force() is AttrSetValue r)
                    builder.Add(name, RecursiveUpdate(l, r));
                else
                    builder.Add(name, rightValue);
            }
            return builder.Build();
        }

        /// <summary><c>checkUnmatched</c>: every definition must match an option (unless checking is off or freeform).</summary>
        private void CheckUnmatched()
        {
            if (_checked) return;
            var declared = Root.ConfigValue;
            var check = Nix.ForceBool(ModuleOption(declared, InternalOptions.CheckName));
            if (!check || FreeformType(declared) is not null)
            {
                _checked = true;
                return;
            }
            var first = Root.HasUnmatched() ? Root.Unmatched().FirstOrDefault() : null;
            if (first is null)
            {
                _checked = true;
                return;
            }
            throw UnknownOption(first);
        }

        private EvaluationException UnknownOption(UnmatchedDefinition first)
        {
            var prefix = _request.Prefix;
            var fullPath = new List<string>(prefix);
            fullPath.AddRange(first.Prefix);
            var optText = OptionPath.Show(fullPath);
            var defText = Nix.WithContext(
                $"while evaluating the error message for definitions for `{optText}', which is an option that does not exist",
                () => Nix.WithContext($"while evaluating a definition from `{LibraryFiles.DisplayName(first.Definition.File)}'",
                    () => DefinitionListing.Show([first.Definition])));

            var parent = first.Prefix.Take(first.Prefix.Count - 1).ToList();
            var absoluteParent = fullPath.Take(fullPath.Count - 1).ToList();
            Value node = Root.OptionsValue;
            foreach (var part in parent)
            {
                node = node.Force() is AttrSetValue a && Nix.Get(a, part) is { } next ? next : AttrSetValue.Empty;
            }
            var siblings = node.Force() is AttrSetValue siblingSet ? siblingSet.Names.Select(n => n.Name).ToList() : [];
            if (parent.Count == 0) siblings.Remove("_module");
            var suggestions = OptionSuggester.Suggest(first.Prefix[^1], siblings);
            var suggestion = suggestions.Count switch
            {
                0 => "",
                1 => $"\n\nDid you mean `{OptionPath.Show([.. absoluteParent, suggestions[0]])}'?",
                _ => "\n\nDid you mean " + string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => $"`{OptionPath.Show([.. absoluteParent, s])}'"))
                    + $" or `{OptionPath.Show([.. absoluteParent, suggestions[^1]])}'?",
            };
            var message = $"The option `{optText}' does not exist. Definition values:{defText}{suggestion}";
            if (Root.Names.Count == 1 && Root.Names[0].Name == "_module")
            {
                message += _request.IsNested
                    ? $"\n\nHowever there are no options defined in `{OptionPath.Show(prefix)}'. Are you sure you've\ndeclared your options properly? This can happen if you e.g. declared your options in `types.submodule'\nunder `config' rather than `options'.\n"
                    : "\n\nIt seems as if you're trying to declare an option by placing it into `config' rather than `options'!\n";
            }
            return Nix.Throw(message, ModuleDiagnostics.UnknownOption, first.Definition.Position);
        }

        private Value Checked(Func<Value> value) => Nix.Lazy(() =>
        {
            CheckUnmatched();
            return value().Force();
        });

        private AttrSetValue BuildResult()
        {
            var type = new SubmoduleType(_system, _request.Modules, _request.SpecialArgs, shorthandOnlyDefinesConfig: false, description: null, moduleClass: _request.Class);
            return Nix.Attrs(
                ("_type", Nix.Str("configuration")),
                ("options", Checked(() => Root.OptionsValue)),
                ("config", Checked(() => Remembered(Nix.ForceAttrs(Config).Without(InternalOptions.ModuleName)))),
                ("_module", Checked(() => Nix.Get(Nix.ForceAttrs(Config), "_module")!)),
                ("extendModules", ExtendModules()),
                ("type", Nix.Lazy(() => type.ToValue())),
                ("class", _request.Class is { } c ? Nix.Str(c) : Nix.Null),
                ("graph", ListValue.Empty));
        }

        private Value ExtendModules() => Nix.Function("extendModules", 1, (ip, args) =>
        {
            var extension = Nix.ForceAttrs(args[0]);
            var modules = Nix.Get(extension, "modules") is { } m ? Nix.ForceList(m).Items : [];
            var specialArgs = Nix.Get(extension, "specialArgs") is { } s ? _request.SpecialArgs.Update(Nix.ForceAttrs(s)) : _request.SpecialArgs;
            var prefix = Nix.Get(extension, "prefix") is { } p ? OptionType.ToLoc(p) : _request.Prefix;
            return _system.Evaluate(ip, new EvalModulesRequest([.. _request.Modules, .. modules], prefix, specialArgs, _request.Class));
        });

        /// <summary>The options every evaluation has under <c>_module</c>.</summary>
        private Value InternalModule()
        {
            var options = _request.IsNested ? InternalOptions.Nested : InternalOptions.Root;
            var config = Nix.Attrs(("_module", Nix.Attrs(
                ("args", Nix.Attrs(("extendModules", new MemberThunk(this, Member.ExtendModules)), ("moduleType", new MemberThunk(this, Member.ModuleType)))),
                ("specialArgs", _request.SpecialArgs))));
            return Nix.Attrs(("_file", InternalFile), ("key", InternalFile), ("options", options), ("config", config));
        }

        /// <summary>The file and key of <see cref="InternalModule"/> (one string for every evaluation).</summary>
        private static readonly Value InternalFile = Nix.Str("lib/modules.nix");

        private static readonly Symbol ModulesPathName = Symbol.Intern("modulesPath");

        /// <summary>The module arguments every evaluation passes, in a set's (ordinal) order.</summary>
        private static readonly Symbol[] ArgumentNames =
            [.. new[] { "_class", "_prefix", "config", "lib", "options", "specialArgs" }.Select(Symbol.Intern)];

        private enum Member { ConfigArgument, Options, ExtendModules, ModuleType, Prefix }

        /// <summary>A lazy part of the evaluation as one object (an evaluation per submodule instance makes several).</summary>
        private sealed class MemberThunk(Evaluation evaluation, Member member) : Thunk
        {
            protected override Value Compute()
            {
                switch (member)
                {
                    case Member.ConfigArgument:
                        try
                        {
                            return evaluation.Config.Force();
                        }
                        catch (EvaluationException e)
                        {
                            e.AddFrame("if you get an infinite recursion here, you probably reference `config` in `imports`. If you are trying to achieve a conditional import behavior dependent on `config`, consider importing unconditionally, and using `mkEnableOption` and `mkIf` to control its effect.", null);
                            throw;
                        }
                    case Member.Options:
                        return evaluation.Root.OptionsValue;
                    case Member.ExtendModules:
                        return evaluation.ExtendModules();
                    case Member.Prefix:
                        return Nix.Strings(evaluation._request.Prefix);
                    default:
                        var request = evaluation._request;
                        return new SubmoduleType(evaluation._system, request.Modules, request.SpecialArgs, false, null, request.Class).ToValue();
                }
            }
        }
    }

    /// <summary>The <c>_module</c> options; the same sets serve every evaluation.</summary>
    private static class InternalOptions
    {
        public static readonly AttrSetValue Root = Build(nested: false);
        public static readonly AttrSetValue Nested = Build(nested: true);

        public static readonly Symbol ModuleName = Symbol.Intern("_module");
        public static readonly Symbol CheckName = Symbol.Intern("check");
        public static readonly Symbol FreeformTypeName = Symbol.Intern("freeformType");

        private static readonly Symbol DefaultName = Symbol.Intern("default");
        private static readonly AttrSetValue RootModule = (AttrSetValue)Root.Get(ModuleName)!;
        private static readonly AttrSetValue NestedModule = (AttrSetValue)Nested.Get(ModuleName)!;

        /// <summary>The declaration of a <c>_module</c> option that has a default (<see cref="CheckName"/>,
        /// <see cref="FreeformTypeName"/>) and that default.</summary>
        public static (AttrSetValue Declaration, Value Default) Declaration(bool nested, Symbol name) =>
            (nested ? NestedModule : RootModule).Get(name) is AttrSetValue declaration && declaration.Get(DefaultName) is { } defaultValue
                ? (declaration, defaultValue)
                : throw new ArgumentException($"_module.{name.Name} has no default", nameof(name));

        private static AttrSetValue Build(bool nested) => Nix.Attrs(("_module", Nix.Attrs(
            ("args", Option(new AttrsOfType(BuiltinTypes.Raw, lazy: true), internalOption: nested, null)),
            ("check", Option(BuiltinTypes.Bool, internalOption: true, Nix.Bool(true))),
            ("freeformType", Option(new NullOrType(BuiltinTypes.OptionTypeType), internalOption: true, Nix.Null)),
            ("specialArgs", Nix.Attrs(("_type", Nix.Str("option")), ("readOnly", Nix.Bool(true)), ("internal", Nix.Bool(true)))))));

        private static AttrSetValue Option(OptionType type, bool internalOption, Value? defaultValue)
        {
            var builder = new AttrSetBuilder();
            builder.Add("_type", Nix.Str("option"));
            builder.Add("type", type.ToValue());
            if (internalOption) builder.Add("internal", Nix.Bool(true));
            if (defaultValue is not null) builder.Add("default", defaultValue);
            return builder.Build();
        }
    }
}
