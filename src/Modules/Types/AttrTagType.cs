using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// <c>attrTag { tag = mkOption { … }; … }</c>: a set with exactly one attribute, whose name picks
/// the option (and so the type, default and apply) its value is merged with.
/// </summary>
public sealed class AttrTagType(AttrSetValue tags) : OptionType
{
    public override string Name => "attrTag";

    public override string Description =>
        "attribute-tagged union with choices: " + string.Join(", ", tags.Names.Select(n => OptionPath.EscapeIdentifier(n.Name)));

    public override bool Check(Interpreter interpreter, Value value) =>
        value.Force() is AttrSetValue { Count: 1 } attrs && tags.Get(attrs.Names[0]) is not null;

    /// <summary>
    /// Two declarations of one attrTag option combine: every tag of either, and a tag both declare
    /// has its two option declarations merged (types combined, declarations listed twice), as
    /// nixpkgs' <c>binOp</c> for attrTag does.
    /// </summary>
    public override OptionType? TypeMerge(OptionType other)
    {
        if (ReferenceEquals(other, this)) return this;
        if (other is not AttrTagType theirs) return null;
        var builder = new AttrSetBuilder(tags.Count + theirs.Tags.Count);
        foreach (var name in tags.Names.Union(theirs.Tags.Names))
        {
            var mine = tags.Get(name) is not null;
            var their = theirs.Tags.Get(name) is not null;
            Value tag = mine && their
                ? Nix.Lazy(() => MergeTags(name, Tag(name), theirs.Tag(name)))
                : mine ? Nix.Lazy(() => Tag(name)) : Nix.Lazy(() => theirs.Tag(name));
            builder.Add(name, tag, mine ? tags.PositionOf(name) : theirs.Tags.PositionOf(name));
        }
        return new AttrTagType(builder.Build());
    }

    public AttrSetValue Tags => tags;

    private static readonly string[] UniqueAttributes = ["default", "example", "description", "apply"];

    /// <summary><c>mergeOptionDecls</c> of the two declarations of one tag: the first one's attributes win, types combine.</summary>
    private static AttrSetValue MergeTags(Symbol name, AttrSetValue first, AttrSetValue second)
    {
        var firstType = Nix.Get(first, "type") is { } t1 ? FromValue(t1) : null;
        var secondType = Nix.Get(second, "type") is { } t2 ? FromValue(t2) : null;
        var type = firstType is null ? secondType : secondType is null ? firstType : firstType.TypeMerge(secondType);
        if ((firstType is not null && secondType is not null && type is null)
            || UniqueAttributes.Any(a => Nix.Get(first, a) is not null && Nix.Get(second, a) is not null))
        {
            throw Nix.Throw($"The option `{OptionPath.EscapeIdentifier(name.Name)}' in `<attrTag {{...}}>' is already declared in `<attrTag {{...}}>'.",
                ModuleDiagnostics.AlreadyDeclared);
        }
        var merged = second.Update(first).Update(Nix.Attrs(
            ("declarations", Concat(first, second, "declarations")),
            ("declarationPositions", Concat(first, second, "declarationPositions"))));
        return type is null ? merged : merged.Update(Nix.Attrs(("type", type.ToValue())));
    }

    private static ListValue Concat(AttrSetValue first, AttrSetValue second, string list) =>
        ListValue.Of([.. Nix.ForceList(Nix.Get(first, list)!).Items, .. Nix.ForceList(Nix.Get(second, list)!).Items]);

    public override Value GetSubOptions(Interpreter interpreter, IReadOnlyList<string> prefix)
    {
        var builder = new AttrSetBuilder(tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var name = tags.Names[i];
            builder.Add(name, Nix.Lazy(() => Tag(name).Update(Nix.Attrs(("loc", Nix.Strings([.. prefix, name.Name]))))));
        }
        return builder.Build();
    }

    private AttrSetValue Tag(Symbol name)
    {
        var option = tags.Get(name)!.Force();
        var tag = Nix.TypeTag(option);
        if (tag != "option")
        {
            var what = tag is null ? "was not." : tag == "option-type" ? "was a bare type, not wrapped in mkOption." : $"was of type {OptionPath.QuoteString(tag)}.";
            throw Nix.Throw($"In attrTag, each tag value must be an option, but tag {OptionPath.EscapeIdentifier(name.Name)} {what}",
                ModuleDiagnostics.BadDeclaration, tags.PositionOf(name));
        }
        return WithDeclarations(name, (AttrSetValue)option);
    }

    /// <summary>A tag's option with <c>declarations</c> and <c>declarationPositions</c>: its own, else where the tag is written.</summary>
    private AttrSetValue WithDeclarations(Symbol name, AttrSetValue option)
    {
        if (Nix.Get(option, "declarations") is not null && Nix.Get(option, "declarationPositions") is not null) return option;
        var position = tags.PositionOf(name);
        var builder = new AttrSetBuilder(2);
        if (Nix.Get(option, "declarations") is null)
            builder.Add("declarations", position is { } p ? Nix.Strings([p.Source.Path]) : ListValue.Empty);
        if (Nix.Get(option, "declarationPositions") is null)
            builder.Add("declarationPositions", position is { } q
                ? ListValue.Of([Nix.Attrs(("file", Nix.Str(q.Source.Path)), ("line", Nix.Int(q.Start.Line)), ("column", Nix.Int(q.ByteColumn)))])
                : ListValue.Empty);
        return option.Update(builder.Build());
    }

    public override Value Merge(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var choice = Nix.ForceAttrs(definitions[0].Value).Names[0];
        var values = new List<Definition>(definitions.Count);
        foreach (var definition in definitions)
        {
            var attrs = Nix.ForceAttrs(definition.Value);
            if (!ReferenceEquals(attrs.Names[0], choice))
            {
                throw Nix.Throw(
                    $"The option `{OptionPath.Show(loc)}` is defined both as `{choice.Name}` and `{attrs.Names[0].Name}`, in {DefinitionListing.ShowFiles(definitions.Select(d => d.File))}.",
                    ModuleDiagnostics.ConflictingValues, definition.Position);
            }
            values.Add(new Definition(definition.File, attrs.Values[0], attrs.PositionOf(choice) ?? definition.Position));
        }
        var option = Tag(choice);
        var file = Nix.ForceList(Nix.Get(option, "declarations")!).Items is [var first, ..] ? Nix.ForceString(first)
            : tags.PositionOf(choice)?.Source.Path ?? ModuleCollector.UnknownFile;
        var leaf = new OptionLeaf(interpreter, [.. loc, choice.Name], [new DeclarationSource(file, option, tags.PositionOf(choice))], values);
        return Nix.Attrs((choice.Name, leaf.Value));
    }
}
