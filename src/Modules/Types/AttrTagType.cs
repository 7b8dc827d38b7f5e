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

    public override OptionType? TypeMerge(OptionType other) => ReferenceEquals(other, this) ? this : null;

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
        return (AttrSetValue)option;
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
        var file = tags.PositionOf(choice)?.Source.Path ?? ModuleCollector.UnknownFile;
        var leaf = new OptionLeaf(interpreter, [.. loc, choice.Name], [new DeclarationSource(file, option, tags.PositionOf(choice))], values);
        return Nix.Attrs((choice.Name, leaf.Value));
    }
}
