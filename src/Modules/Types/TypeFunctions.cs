using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Types;

/// <summary>Builds <c>lib.types</c>: the ready types and the type constructors, as native functions.</summary>
public static class TypeFunctions
{
    public static AttrSetValue Build(ModuleSystem system)
    {
        var types = new AttrSetBuilder(80);
        void Type(string name, OptionType type) => types.Add(name, Nix.Lazy(() => type.ToValue()));
        void Ctor1(string name, Func<Value, OptionType> make) =>
            types.Add(name, Nix.Function(name, 1, (_, a) => make(a[0]).ToValue()));
        void Ctor2(string name, Func<Value, Value, OptionType> make) =>
            types.Add(name, Nix.Function(name, 2, (_, a) => make(a[0], a[1]).ToValue()));
        static OptionType T(Value v) => OptionType.FromValue(v);

        Type("bool", BuiltinTypes.Bool);
        Type("boolByOr", BuiltinTypes.BoolByOr);
        Type("int", BuiltinTypes.Int);
        Type("float", BuiltinTypes.Float);
        Type("number", BuiltinTypes.Number);
        Type("str", BuiltinTypes.Str);
        Type("nonEmptyStr", BuiltinTypes.NonEmptyStr);
        Type("singleLineStr", BuiltinTypes.SingleLineStr);
        Type("lines", BuiltinTypes.Lines);
        Type("commas", BuiltinTypes.Commas);
        Type("envVar", BuiltinTypes.EnvVar);
        Type("string", new SeparatedStringType(""));
        Type("path", BuiltinTypes.Path);
        Type("pathInStore", BuiltinTypes.PathInStore);
        Type("externalPath", BuiltinTypes.ExternalPath);
        Type("package", BuiltinTypes.Package);
        Type("shellPackage", BuiltinTypes.Package);
        Type("attrs", BuiltinTypes.Attrs);
        Type("unspecified", BuiltinTypes.Unspecified);
        Type("raw", BuiltinTypes.Raw);
        Type("anything", AnythingType.Instance);
        Type("json", new SerializableValueType("JSON", nullable: true));
        Type("toml", new SerializableValueType("TOML", nullable: false));
        Type("optionType", OptionTypeType.Instance);
        Type("port", BuiltinTypes.Port);
        Type("optionDeclaration", BuiltinTypes.OptionDeclaration);
        Type("fileName", RuleCheckedStringType.FileName);
        Type("accountName", RuleCheckedStringType.AccountName);
        Type("deferredModule", new DeferredModuleType(system, []));

        var ints = new AttrSetBuilder(16);
        ints.Add("between", Nix.Function("between", 2, (_, a) => BuiltinTypes.IntBetween(Nix.ForceInt(a[0]), Nix.ForceInt(a[1])).ToValue()));
        ints.Add("unsigned", Nix.Lazy(() => BuiltinTypes.Unsigned.ToValue()));
        ints.Add("positive", Nix.Lazy(() => BuiltinTypes.Positive.ToValue()));
        foreach (var bits in new[] { 8, 16, 32 })
        {
            ints.Add($"u{bits}", Nix.Lazy(() => (bits == 16 ? BuiltinTypes.Port : BuiltinTypes.UnsignedBits(bits)).ToValue()));
            ints.Add($"s{bits}", Nix.Lazy(() => BuiltinTypes.SignedBits(bits).ToValue()));
        }
        types.Add("ints", ints.Build());

        var numbers = new AttrSetBuilder(4);
        numbers.Add("between", Nix.Function("between", 2, (_, a) => BuiltinTypes.FloatBetween(ToDouble(a[0]), ToDouble(a[1])).ToValue()));
        numbers.Add("nonnegative", Nix.Lazy(() => BuiltinTypes.NonNegativeNumber.ToValue()));
        numbers.Add("positive", Nix.Lazy(() => BuiltinTypes.PositiveNumber.ToValue()));
        types.Add("numbers", numbers.Build());

        Ctor1("strMatching", v => BuiltinTypes.StrMatching(Nix.ForceString(v)));
        Ctor1("separatedString", v => new SeparatedStringType(Nix.ForceString(v)));
        Ctor1("enum", v => new EnumType(Nix.ForceList(v).Items));
        // ConfigLang extension: an enum whose refusal offers the nearest value and where they are listed.
        Ctor1("enumWith", v =>
        {
            var args = Nix.ForceAttrs(v);
            var values = Nix.Get(args, "values") ?? throw Nix.Throw("types.enumWith needs `values'");
            var listedBy = Nix.Get(args, "listedBy") is { } l ? Nix.ForceString(l) : null;
            return new EnumType(Nix.ForceList(values).Items, suggests: true, listedBy);
        });
        Ctor1("nullOr", v => Cached(NullOrCache, T(v), t => new NullOrType(t)));
        Ctor1("listOf", v => Cached(ListOfCache, T(v), t => new ListOfType(t)));
        Ctor1("nonEmptyListOf", v => new ListOfType(T(v), nonEmpty: true));
        Ctor1("attrsOf", v => Cached(AttrsOfCache, T(v), t => new AttrsOfType(t, lazy: false)));
        Ctor1("loaOf", v => new AttrsOfType(T(v), lazy: false));
        Ctor1("lazyAttrsOf", v => Cached(LazyAttrsOfCache, T(v), t => new AttrsOfType(t, lazy: true)));
        Ctor1("attrsWith", v =>
        {
            var args = Nix.ForceAttrs(v);
            var lazy = Nix.Get(args, "lazy") is { } l && Nix.ForceBool(l);
            var placeholder = Nix.Get(args, "placeholder") is { } p && p.Force() is StringValue ps ? ps.Text : null;
            // ConfigLang extension: the type every attribute name must have.
            var nameType = Nix.Get(args, "nameType") is { } n ? T(n) : null;
            return new AttrsOfType(T(Nix.Get(args, "elemType")!), lazy, placeholder, nameType);
        });
        Ctor1("attrListOf", v => new AttrListType(T(v), asAttrs: false, mergeAttrValues: null));
        Ctor1("attrListWith", v =>
        {
            var args = Nix.ForceAttrs(v);
            var asAttrs = Nix.Get(args, "asAttrs") is { } a && Nix.ForceBool(a);
            return new AttrListType(T(Nix.Get(args, "elemType")!), asAttrs, Nix.Get(args, "mergeAttrValues"));
        });
        Ctor1("uniq", v => new UniqueType(T(v), ""));
        Ctor2("unique", (a, t) => new UniqueType(T(t), Nix.Get(Nix.ForceAttrs(a), "message") is { } m ? Nix.ForceString(m) : ""));
        Ctor2("either", (a, b) => new EitherType(T(a), T(b)));
        Ctor1("oneOf", v =>
        {
            var items = Nix.ForceList(v).Items;
            if (items.Length == 0) throw Nix.Throw("types.oneOf needs to get at least one type in its argument");
            return items.Skip(1).Aggregate(T(items[0]), (acc, t) => new EitherType(acc, T(t)));
        });
        types.Add("coercedTo", Nix.Function("coercedTo", 3, (_, a) => new CoercedToType(T(a[0]), a[1], T(a[2])).ToValue()));
        Ctor1("functionTo", v => new FunctionToType(T(v)));
        Ctor2("addCheck", (t, check) => new AddCheckType(T(t), check));
        Ctor1("submodule", v =>
        {
            var forced = v.Force();
            IReadOnlyList<Value> modules = forced is ListValue list ? list.Items : [forced];
            return new SubmoduleType(system, modules, AttrSetValue.Empty, true, null, null);
        });
        Ctor1("submoduleWith", v =>
        {
            var args = Nix.ForceAttrs(v);
            var modules = Nix.ForceList(Nix.Get(args, "modules") ?? ListValue.Empty).Items;
            var specialArgs = Nix.Get(args, "specialArgs") is { } s ? Nix.ForceAttrs(s) : AttrSetValue.Empty;
            bool? shorthand = Nix.Get(args, "shorthandOnlyDefinesConfig") is { } sh
                ? sh.Force() is BoolValue b ? b.Value : null
                : false;
            var description = Nix.Get(args, "description") is { } d && d.Force() is StringValue ds ? ds.Text : null;
            var cls = Nix.Get(args, "class") is { } c && c.Force() is StringValue cs ? cs.Text : null;
            return new SubmoduleType(system, modules, specialArgs, shorthand, description, cls);
        });
        Ctor1("deferredModuleWith", v =>
            new DeferredModuleType(system, Nix.Get(Nix.ForceAttrs(v), "staticModules") is { } m ? Nix.ForceList(m).Items : []));
        types.Add("pathWith", Nix.Function("pathWith", 1, (_, a) =>
        {
            var args = Nix.ForceAttrs(a[0]);
            bool? inStore = Nix.Get(args, "inStore")?.Force() is BoolValue i ? i.Value : null;
            bool? absolute = Nix.Get(args, "absolute")?.Force() is BoolValue ab ? ab.Value : null;
            if (inStore == true && absolute == false)
                throw Nix.Throw("In pathWith, inStore means the path must be absolute");
            return BuiltinTypes.PathWith(absolute, inStore).ToValue();
        }));
        Ctor1("passwdEntry", v => new PasswdEntryType(T(v)));
        Ctor1("attrTag", v => new AttrTagType(Nix.ForceAttrs(v)));
        Ctor1("serializableValueWith", v =>
        {
            var args = Nix.ForceAttrs(v);
            var nullable = Nix.Get(args, "nullable") is not { } n || Nix.ForceBool(n);
            return new SerializableValueType(Nix.ForceString(Nix.Get(args, "typeName") ?? Nix.Str("serializable")), nullable);
        });
        types.Add("isType", Nix.Function("isType", 2, (_, a) => Nix.Bool(Nix.TypeTag(a[1]) == Nix.ForceString(a[0]))));
        return types.Build();
    }

    // `types.nullOr types.str` inside a submodule runs once per instance; the same element type
    // gives the same (immutable) type, so thousands of instances share one set form. Types
    // written in the language are not cached (they are new sets each time).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OptionType, OptionType> NullOrCache = new(ReferenceEqualityComparer.Instance);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OptionType, OptionType> ListOfCache = new(ReferenceEqualityComparer.Instance);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OptionType, OptionType> AttrsOfCache = new(ReferenceEqualityComparer.Instance);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OptionType, OptionType> LazyAttrsOfCache = new(ReferenceEqualityComparer.Instance);

    private static OptionType Cached(System.Collections.Concurrent.ConcurrentDictionary<OptionType, OptionType> cache, OptionType element, Func<OptionType, OptionType> make) =>
        Shared.Contains(element) ? cache.GetOrAdd(element, make) : make(element);

    /// <summary>The types that exist once per process (so caching by them cannot grow without bound).</summary>
    private static readonly HashSet<OptionType> Shared = new(ReferenceEqualityComparer.Instance)
    {
        BuiltinTypes.Bool, BuiltinTypes.BoolByOr, BuiltinTypes.Int, BuiltinTypes.Float, BuiltinTypes.Number,
        BuiltinTypes.Str, BuiltinTypes.NonEmptyStr, BuiltinTypes.SingleLineStr, BuiltinTypes.Attrs,
        BuiltinTypes.Unspecified, BuiltinTypes.Raw, BuiltinTypes.Package, BuiltinTypes.Path, BuiltinTypes.PathInStore,
        BuiltinTypes.ExternalPath, BuiltinTypes.Lines, BuiltinTypes.Commas, BuiltinTypes.EnvVar, BuiltinTypes.Port,
        BuiltinTypes.Unsigned, BuiltinTypes.Positive, BuiltinTypes.OptionDeclaration, AnythingType.Instance, OptionTypeType.Instance,
        RuleCheckedStringType.FileName, RuleCheckedStringType.AccountName,
    };

    private static double ToDouble(Value value) => value.Force() switch
    {
        IntValue i => i.Value,
        FloatValue f => f.Value,
        var other => throw Nix.TypeError($"expected a number but found {other.Describe()}"),
    };
}
