using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;
using ConfigLang.Modules.Types;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// One option: its declarations merged (<c>mergeOptionDecls</c>: at most one default, example,
/// description and apply; types combined, submodules collected with their files) and its
/// definitions merged (<c>evalOptionValue</c>: the default joins as an <c>mkOptionDefault</c>
/// definition, <c>readOnly</c> is enforced, <c>apply</c> runs last). <see cref="Record"/> is
/// what <c>options.a.b</c> shows; <see cref="Value"/> is <c>config.a.b</c>.
/// </summary>
public sealed class OptionLeaf
{
    private static readonly Symbol[] UniqueAttributes = [.. new[] { "default", "example", "description", "apply" }.Select(Symbol.Intern)];

    private readonly Interpreter _interpreter;
    private readonly IReadOnlyList<DeclarationSource> _declarations;
    private readonly IReadOnlyList<Definition> _definitions;
    private OnceField<Declared> _declared;
    private MergedDefinitions? _merged;
    private Value? _value;
    private AttrSetValue? _record;

    public OptionLeaf(Interpreter interpreter, IReadOnlyList<string> loc,
        IReadOnlyList<DeclarationSource> declarations, IReadOnlyList<Definition> definitions)
    {
        _interpreter = interpreter;
        Loc = loc;
        _declarations = declarations;
        _definitions = definitions;
    }

    public IReadOnlyList<string> Loc { get; }

    /// <summary>The merged declaration: the union of the declaring sets, the combined type, where declared.</summary>
    private sealed record Declared(AttrSetValue Attributes, OptionType Type, List<string> Files);

    private Declared Declaration => _declared.Get(this, static leaf => leaf.MergeDeclarations());

    public OptionType Type => Declaration.Type;

    public IReadOnlyList<string> DeclarationFiles => Declaration.Files;

    /// <summary>Where the option was declared, one entry per declaring module (for <c>show --explain</c>).</summary>
    public IReadOnlyList<DeclarationSource> Declarations => _declarations;

    /// <summary>The definitions as the modules gave them, properties (<c>mkIf</c>, <c>mkForce</c>, …)
    /// still in place and without the default (for <c>show --explain</c>).</summary>
    public IReadOnlyList<Definition> Definitions => _definitions;

    /// <summary>The declared <c>default</c>, if any.</summary>
    public Value? DefaultValue => Nix.Get(Declaration.Attributes, "default");

    private Declared MergeDeclarations()
    {
        var attributes = AttrSetValue.Empty;
        OptionType? type = null;
        var files = new List<string>(_declarations.Count);
        List<Value>? subModules = null;
        for (var n = 0; n < _declarations.Count; n++)
        {
            var declaration = _declarations[n];
            var option = Nix.ForceAttrs(declaration.Options);
            OptionType? declaredType = option.Get(TypeSym) is { } t ? OptionType.FromValue(t) : null;
            if (declaredType is not null && type is not null)
            {
                type = type.TypeMerge(declaredType) ?? throw AlreadyDeclared(declaration, files);
            }
            if (attributes.Count > 0)
            {
                foreach (var unique in UniqueAttributes)
                {
                    if (option.Get(unique) is not null && attributes.Get(unique) is not null) throw AlreadyDeclared(declaration, files);
                }
            }
            if (declaredType?.SubModules is { } modules)
            {
                var file = declaration.File;
                (subModules ??= []).InsertRange(0, modules.Select(m => (Value)Nix.Attrs(("_file", Nix.Str(file)), ("imports", ListValue.Of([m])))));
            }
            type ??= declaredType;
            attributes = option.Update(attributes);
            files.Add(declaration.File);
        }
        type ??= BuiltinTypes.Unspecified;
        if (type.SubModules is not null) type = type.SubstSubModules(subModules ?? []);
        return new Declared(attributes, type, files);
    }

    private EvaluationException AlreadyDeclared(DeclarationSource declaration, List<string> files) => Nix.Throw(
        $"The option `{OptionPath.Show(Loc)}' in `{LibraryFiles.DisplayName(declaration.File)}' is already declared in {DefinitionListing.ShowFiles(files)}.",
        ModuleDiagnostics.AlreadyDeclared, declaration.Position);

    /// <summary>The definitions merged, with the default as an <c>mkOptionDefault</c> definition first.</summary>
    public MergedDefinitions Merged
    {
        get
        {
            if (_merged is not null) return _merged;
            var declared = Declaration;
            IReadOnlyList<Definition> definitions = _definitions;
            if (declared.Attributes.Get(DefaultSym) is { } defaultValue)
            {
                SourceLocation? position = null;
                for (var n = 0; n < _declarations.Count; n++)
                {
                    if (_declarations[n].Position is { } p)
                    {
                        position = p;
                        break;
                    }
                }
                // An array, not a list: one object less for each option of each submodule instance.
                var withDefault = new Definition[definitions.Count + 1];
                withDefault[0] = new(declared.Files[0], defaultValue, position) { PresetPriority = Priorities.OptionDefault };
                for (var d = 0; d < definitions.Count; d++) withDefault[d + 1] = definitions[d];
                definitions = withDefault;
            }
            if (declared.Attributes.Get(ReadOnlySym) is { } readOnly && Nix.ForceBool(readOnly) && definitions.Count > 1)
            {
                var separate = definitions.Select(d => d.WithValue(Nix.Lazy(() =>
                    new MergedDefinitions(_interpreter, Loc, declared.Type, [d]).MergedValue)));
                throw Nix.Throw(
                    $"The option `{OptionPath.Show(Loc)}' is read-only, but it's set multiple times. Definition values:{DefinitionListing.Show(separate)}",
                    ModuleDiagnostics.ReadOnly, definitions[^1].Position);
            }
            return _merged = new MergedDefinitions(_interpreter, Loc, declared.Type, definitions);
        }
    }

    /// <summary>The option's value (<c>config.a.b</c>): merged, then passed through <c>apply</c>.</summary>
    public Value Value => _value ??= new ValueThunk(this);

    private Value ComputeValue()
    {
        try
        {
            var merged = Merged.MergedValue;
            return Declaration.Attributes.Get(ApplySym) is { } apply ? Nix.Call(_interpreter, apply, merged) : merged.Force();
        }
        catch (EvaluationException e)
        {
            e.AddFrame($"while evaluating the option `{OptionPath.Show(Loc)}':", null);
            throw;
        }
    }

    private static readonly Symbol ApplySym = Symbol.Intern("apply");
    private static readonly Symbol DefaultSym = Symbol.Intern("default");
    private static readonly Symbol ReadOnlySym = Symbol.Intern("readOnly");
    private static readonly Symbol TypeSym = Symbol.Intern("type");

    /// <summary><see cref="Value"/> as one object rather than a thunk, a delegate and a closure.</summary>
    private sealed class ValueThunk(OptionLeaf leaf) : Thunk
    {
        private OptionLeaf? _leaf = leaf;

        protected override Value Compute() => _leaf!.ComputeValue();

        protected override void Release() => _leaf = null;
    }

    /// <summary>The option as modules see it in <c>options</c>.</summary>
    public AttrSetValue Record
    {
        get
        {
            if (_record is not null) return _record;
            var declared = Declaration;
            var loc = Loc;
            var builder = new AttrSetBuilder(24);
            builder.Add("_type", Nix.Str("option"));
            builder.Add("loc", Nix.Strings(loc));
            builder.Add("declarations", Nix.Strings(declared.Files));
            builder.Add("declarationPositions", Nix.Lazy(() => ListValue.Of([.. _declarations.Select(d => (Value)(d.Position is { } p
                ? Nix.Attrs(("file", Nix.Str(p.Source.Path)), ("line", Nix.Int(p.Start.Line)), ("column", Nix.Int(p.ByteColumn)))
                : Nix.Attrs(("file", Nix.Str(d.File)), ("line", Nix.Null), ("column", Nix.Null))))])));
            builder.Add("options", ListValue.Empty);
            builder.Add("type", declared.Type.ToValue());
            builder.Add("value", Value);
            builder.Add("highestPrio", Nix.Lazy(() => Nix.Int(Merged.HighestPriority)));
            builder.Add("definitions", Nix.Lazy(() => ListValue.Of([.. Merged.Final.Select(d => d.Value)])));
            builder.Add("files", Nix.Lazy(() => Nix.Strings(Merged.Final.Select(d => d.File))));
            builder.Add("definitionsWithLocations", Nix.Lazy(() => Definition.ToList(Merged.Final)));
            builder.Add("isDefined", Nix.Lazy(() => Nix.Bool(Merged.IsDefined)));
            builder.Add("valueMeta", Nix.Lazy(() => Merged.ValueMeta));
            builder.Add("__toString", Nix.Function("__toString", 1, (_, _) => Nix.Str(OptionPath.Show(loc))));
            _record = declared.Attributes.Update(builder.Build());
            return _record;
        }
    }
}
