using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// An option type: a name, a description for documentation and messages, a <em>shallow</em>
/// check (it looks at the outer shape only, so checking stays lazy), a merge of several checked
/// definitions into one value, an optional empty value (used when nothing is defined), the
/// options of a submodule, and a rule for combining two declarations of the same option.
/// <para>
/// Modules see a type as a set (<c>_type = "option-type"</c>, <c>name</c>, <c>check</c>,
/// <c>merge</c>, …) built once by <see cref="ToValue"/>; the module system recognises its own
/// sets again (<see cref="FromValue"/>) and calls the C# code directly. Sets written in the
/// language (<c>mkOptionType</c>, <c>types.str // { check = …; }</c>) become a
/// <see cref="ForeignType"/>.
/// </para>
/// </summary>
public abstract class OptionType
{
    private static readonly Symbol CheckSymbol = Symbol.Intern("check");
    private static readonly Symbol TypeSymbol = Symbol.Intern("type");

    /// <summary>
    /// The type whose set form holds this <c>check</c> or <c>merge</c> function, if it is one of
    /// ours. Our functions are delegates bound to the type itself, so no lookup table is needed
    /// (weak tables of millions of entries make the garbage collector crawl).
    /// </summary>
    public static OptionType? OwnerOf(Value function) =>
        function.Force() is PrimOpValue { Impl.Target: OptionType owner } ? owner : null;

    /// <summary>
    /// Whether nixpkgs merges this type with its "v2" mechanism, where check and merge share
    /// work: replacing only <c>check</c> with <c>//</c> is then an error there, and here.
    /// </summary>
    public virtual bool UsesCombinedCheckAndMerge => false;

    /// <summary>
    /// Whether a failed check reads as nixpkgs' v2 "head error" (<c>… is not of type `t'.
    /// TypeError: Definition values: …</c>); only types that nixpkgs' tests quote that way.
    /// </summary>
    public virtual bool ReportsHeadError => false;
    private AttrSetValue? _value;

    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>How the description reads inside another one: <c>noun</c>, <c>conjunction</c>, <c>composite</c>.</summary>
    public virtual string? DescriptionClass => "noun";

    /// <summary>The shallow check; forces the value to weak head normal form only.</summary>
    public abstract bool Check(Interpreter interpreter, Value value);

    /// <summary>Why <paramref name="value"/> fails <see cref="Check"/>, in words, when the type can say more than its description; else null.</summary>
    public virtual string? Rejection(Interpreter interpreter, Value value) => null;

    /// <summary>Merges definitions that all passed <see cref="Check"/>; they are in order and non-empty.</summary>
    public abstract Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions);

    /// <summary>
    /// nixpkgs' <c>valueMeta</c> of a merge (<c>options.a.b.valueMeta</c>): what the type learns
    /// while merging, such as a submodule's whole evaluation or its elements' own valueMeta.
    /// Empty for types that learn nothing. Called on the same definitions as <see cref="Merge"/>.
    /// </summary>
    public virtual Value ValueMeta(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions) =>
        AttrSetValue.Empty;

    /// <summary>The value when nothing is defined, if the type has one (<c>[ ]</c> for lists).</summary>
    public virtual Value? EmptyValue => null;

    /// <summary>The options of a submodule type under <paramref name="prefix"/>, for documentation.</summary>
    public virtual Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) => AttrSetValue.Empty;

    /// <summary>The modules of a submodule type, or null when the type has none.</summary>
    public virtual IReadOnlyList<Value>? SubModules => null;

    /// <summary>The same type with its modules replaced (after declarations were merged).</summary>
    public virtual OptionType SubstSubModules(IReadOnlyList<Value> modules) => this;

    /// <summary>The types this one is built from (<c>elemType</c> and the like).</summary>
    public virtual IReadOnlyList<(string Name, OptionType Type)> NestedTypes => [];

    /// <summary>The payload compared when two declarations meet (an enum's values, a separator).</summary>
    protected virtual object? Payload => null;

    /// <summary>
    /// Combines this type with the type of another declaration of the same option, or returns
    /// null when they cannot be combined ("already declared"). By default equal names and
    /// payloads combine; types with nested types combine those.
    /// </summary>
    public virtual OptionType? TypeMerge(OptionType other)
    {
        if (other.Name != Name || other.GetType() != GetType()) return null;
        if (!Equals(Payload, other.Payload)) return null;
        var mine = NestedTypes;
        var theirs = other.NestedTypes;
        if (mine.Count != theirs.Count) return null;
        if (mine.Count == 0) return this;
        var merged = new List<OptionType>();
        for (var i = 0; i < mine.Count; i++)
        {
            var m = mine[i].Type.TypeMerge(theirs[i].Type);
            if (m is null) return null;
            merged.Add(m);
        }
        return Rebuild(merged);
    }

    /// <summary>This type made from other nested types (same order as <see cref="NestedTypes"/>).</summary>
    protected virtual OptionType Rebuild(IReadOnlyList<OptionType> nested) => this;

    /// <summary>What <c>deprecationMessage</c> says, or null.</summary>
    public virtual string? DeprecationMessage => null;

    /// <summary>Extra attributes of the set form (<c>functor</c>, <c>getSubModules</c>, …).</summary>
    protected virtual void AddAttributes(AttrSetBuilder builder) { }

    /// <summary>The set modules see; built once.</summary>
    public AttrSetValue ToValue()
    {
        if (_value is not null) return _value;
        var self = this;
        var builder = new AttrSetBuilder(16);
        builder.Add("_type", Nix.Str("option-type"));
        builder.Add("name", Nix.Str(Name));
        builder.Add("description", Nix.Lazy(() => Nix.Str(self.Description)));
        builder.Add("descriptionClass", DescriptionClass is { } c ? Nix.Str(c) : Nix.Null);
        builder.Add("check", new PrimOpValue("check", 1, CheckFunction));
        builder.Add("merge", new PrimOpValue("merge", 2, MergeFunction));
        builder.Add("emptyValue", EmptyValue is { } empty ? Nix.Attrs(("value", empty)) : AttrSetValue.Empty);
        builder.Add("getSubOptions", Nix.Function("getSubOptions", 1, (ip, a) => self.GetSubOptions(ip, ToLoc(a[0]))));
        builder.Add("getSubModules", SubModules is { } modules ? Nix.List(modules) : Nix.Null);
        builder.Add("substSubModules", Nix.Function("substSubModules", 1, (_, a) =>
            self.SubstSubModules([.. Nix.ForceList(a[0]).Items]).ToValue()));
        builder.Add("typeMerge", Nix.Function("typeMerge", 1, (_, a) =>
            FromFunctor(a[0]) is { } other && self.TypeMerge(other) is { } merged ? merged.ToValue() : Nix.Null));
        builder.Add("functor", Nix.Lazy(() => self.Functor()));
        builder.Add("deprecationMessage", DeprecationMessage is { } d ? Nix.Str(d) : Nix.Null);
        var nested = new AttrSetBuilder();
        foreach (var (name, type) in NestedTypes) nested.Add(name, Nix.Lazy(() => type.ToValue()));
        builder.Add("nestedTypes", nested.Build());
        AddAttributes(builder);
        _value = builder.Build();
        return _value;
    }

    private Value CheckFunction(Interpreter interpreter, Value[] args, SourceLocation? site) => Nix.Bool(Check(interpreter, args[0]));

    private Value MergeFunction(Interpreter interpreter, Value[] args, SourceLocation? site) =>
        Merge(interpreter, ToLoc(args[0]), [.. Nix.ForceList(args[1]).Items.Select(Definition.FromValue)]);

    private Value FunctorType(Interpreter interpreter, Value[] args, SourceLocation? site) => ToValue();

    private AttrSetValue? _functor;

    private AttrSetValue Functor()
    {
        if (_functor is not null) return _functor;
        var self = this;
        _functor = Nix.Attrs(
            ("name", Nix.Str(Name)),
            ("type", new PrimOpValue(Name, 1, FunctorType)),
            ("wrapped", NestedTypes.Count == 1 ? Nix.Lazy(() => self.NestedTypes[0].Type.ToValue()) : Nix.Null),
            ("payload", Payload is null ? Nix.Null : Nix.Str(Payload.ToString() ?? "")),
            ("binOp", Nix.Function("binOp", 2, (_, _) => Nix.Null)));
        return _functor;
    }

    private static OptionType? FromFunctor(Value functor) =>
        functor.Force() is AttrSetValue attrs && attrs.Get(TypeSymbol) is { } type ? OwnerOf(type) : null;

    /// <summary>The type a set stands for: one of ours again, or a wrapper around a foreign one.</summary>
    public static OptionType FromValue(Value value)
    {
        var forced = value.Force();
        if (forced is not AttrSetValue attrs) throw Nix.TypeError($"expected an option type (a set) but found {forced.Describe()}");
        // Our own set, unchanged: its check function is bound to the type that built it.
        if (attrs.Get(CheckSymbol)?.Force() is PrimOpValue { Impl.Target: OptionType owner } && ReferenceEquals(owner._value, attrs)) return owner;
        return new ForeignType(attrs);
    }

    public static IReadOnlyList<string> ToLoc(Value value) =>
        [.. Nix.ForceList(value).Items.Select(v => Nix.ForceString(v))];

    /// <summary>A nested type's description as a phrase, parenthesised unless its class reads well bare.</summary>
    protected static string Phrase(OptionType type, params string[] bareClasses) =>
        type.DescriptionClass is { } c && bareClasses.Contains(c) ? type.Description : "(" + type.Description + ")";

    public override string ToString() => Description;
}
