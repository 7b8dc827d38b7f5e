using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
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
    private static readonly ConditionalWeakTable<AttrSetValue, OptionType> Known = new();
    private static readonly ConditionalWeakTable<Value, OptionType> Owners = new();

    /// <summary>The type whose set form holds this <c>check</c> or <c>merge</c> function, if it is one of ours.</summary>
    public static OptionType? OwnerOf(Value function) =>
        Owners.TryGetValue(function.Force(), out var owner) ? owner : null;

    /// <summary>
    /// Whether nixpkgs merges this type with its "v2" mechanism, where check and merge share
    /// work: replacing only <c>check</c> with <c>//</c> is then an error there, and here.
    /// </summary>
    public virtual bool UsesCombinedCheckAndMerge => false;
    private AttrSetValue? _value;

    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>How the description reads inside another one: <c>noun</c>, <c>conjunction</c>, <c>composite</c>.</summary>
    public virtual string? DescriptionClass => "noun";

    /// <summary>The shallow check; forces the value to weak head normal form only.</summary>
    public abstract bool Check(Interpreter interpreter, Value value);

    /// <summary>Merges definitions that all passed <see cref="Check"/>; they are in order and non-empty.</summary>
    public abstract Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions);

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
        var check = Nix.Function("check", 1, (ip, a) => Nix.Bool(self.Check(ip, a[0])));
        var merge = Nix.Function("merge", 2, (ip, a) =>
            self.Merge(ip, ToLoc(a[0]), [.. Nix.ForceList(a[1]).Items.Select(Definition.FromValue)]));
        Owners.AddOrUpdate(check, this);
        Owners.AddOrUpdate(merge, this);
        builder.Add("check", check);
        builder.Add("merge", merge);
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
        Known.AddOrUpdate(_value, this);
        return _value;
    }

    private AttrSetValue? _functor;

    private AttrSetValue Functor()
    {
        if (_functor is not null) return _functor;
        var self = this;
        _functor = Nix.Attrs(
            ("name", Nix.Str(Name)),
            ("type", Nix.Function(Name, 1, (_, _) => self.ToValue())),
            ("wrapped", NestedTypes.Count == 1 ? Nix.Lazy(() => self.NestedTypes[0].Type.ToValue()) : Nix.Null),
            ("payload", Payload is null ? Nix.Null : Nix.Str(Payload.ToString() ?? "")),
            ("binOp", Nix.Function("binOp", 2, (_, _) => Nix.Null)));
        Known.AddOrUpdate(_functor, this);
        return _functor;
    }

    private static OptionType? FromFunctor(Value functor)
    {
        var forced = functor.Force();
        if (forced is AttrSetValue attrs && Known.TryGetValue(attrs, out var known)) return known;
        return null;
    }

    /// <summary>The type a set stands for: one of ours again, or a wrapper around a foreign one.</summary>
    public static OptionType FromValue(Value value)
    {
        var forced = value.Force();
        if (forced is not AttrSetValue attrs) throw Nix.TypeError($"expected an option type (a set) but found {forced.Describe()}");
        if (Known.TryGetValue(attrs, out var known)) return known;
        var foreign = new ForeignType(attrs);
        Known.AddOrUpdate(attrs, foreign);
        return foreign;
    }

    public static IReadOnlyList<string> ToLoc(Value value) =>
        [.. Nix.ForceList(value).Items.Select(v => Nix.ForceString(v))];

    /// <summary>A nested type's description as a phrase, parenthesised unless its class reads well bare.</summary>
    protected static string Phrase(OptionType type, params string[] bareClasses) =>
        type.DescriptionClass is { } c && bareClasses.Contains(c) ? type.Description : "(" + type.Description + ")";

    public override string ToString() => Description;
}
