using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// A type written in the language (<c>mkOptionType { … }</c>, or one of ours changed with
/// <c>//</c>): every operation calls the attribute of the set, as nixpkgs' module system does.
/// </summary>
public sealed class ForeignType(AttrSetValue attrs) : OptionType
{
    public AttrSetValue Attributes { get; } = attrs;

    public override string Name => Nix.Get(Attributes, "name") is { } n ? Nix.ForceString(n) : "unspecified";

    public override string Description =>
        Nix.Get(Attributes, "description") is { } d && d.Force() is StringValue s ? s.Text : Name;

    public override string? DescriptionClass =>
        Nix.Get(Attributes, "descriptionClass")?.Force() is StringValue s ? s.Text : null;

    public override bool Check(Interpreter interpreter, Value value)
    {
        RejectAdHocCheck();
        return Nix.Get(Attributes, "check") is not { } check || Nix.ForceBool(Nix.Call(interpreter, check, value));
    }

    /// <summary>
    /// <c>types.lazyAttrsOf t // { check = …; }</c> keeps the original merge, which checks
    /// nested values itself; nixpkgs rejects such a set, and so do we (use <c>addCheck</c>).
    /// </summary>
    private void RejectAdHocCheck()
    {
        if (Nix.Get(Attributes, "merge") is not { } merge || OwnerOf(merge) is not { UsesCombinedCheckAndMerge: true } owner) return;
        if (Nix.Get(Attributes, "check") is { } check && ReferenceEquals(OwnerOf(check), owner)) return;
        throw Nix.Throw(
            $"A type `{Description}' uses\nan ad-hoc `type // {{ check = ...; }}' override, which is incompatible with\nthe v2 merge mechanism.\n\n" +
            "Please use `lib.types.addCheck` instead of `type // { check }' to add\ncustom validation.",
            Diagnostics.ModuleDiagnostics.BadDeclaration);
    }

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        RejectAdHocCheck();
        var merge = Nix.Get(Attributes, "merge") ?? throw Nix.Throw($"The type `{Name}' has no merge function.");
        return Nix.Call(interpreter, merge, Nix.Strings(loc), Definition.ToList(definitions));
    }

    public override Value? EmptyValue =>
        Nix.Get(Attributes, "emptyValue")?.Force() is AttrSetValue e ? Nix.Get(e, "value") : null;

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix) =>
        Nix.Get(Attributes, "getSubOptions") is { } f ? Nix.Call(interpreter, f, Nix.Strings(prefix)) : AttrSetValue.Empty;

    public override IReadOnlyList<Value>? SubModules =>
        Nix.Get(Attributes, "getSubModules")?.Force() is ListValue l ? l.Items : null;

    public override OptionType SubstSubModules(IReadOnlyList<Value> modules) => this;

    public override string? DeprecationMessage =>
        Nix.Get(Attributes, "deprecationMessage")?.Force() is StringValue s ? s.Text : null;

    public override OptionType? TypeMerge(OptionType other)
    {
        if (other is ForeignType foreign && ReferenceEquals(foreign.Attributes, Attributes)) return this;
        if (other.Name != Name) return null;
        // Without a payload or wrapped type to compare, equal names are compatible (defaultTypeMerge).
        var functor = Nix.Get(Attributes, "functor")?.Force() as AttrSetValue;
        var payload = functor is null ? null : Nix.Get(functor, "payload")?.Force();
        var wrapped = functor is null ? null : Nix.Get(functor, "wrapped")?.Force();
        return payload is null or NullValue && wrapped is null or NullValue ? this : null;
    }
}
