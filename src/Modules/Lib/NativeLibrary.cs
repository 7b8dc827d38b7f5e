using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Options;
using ConfigLang.Modules.Properties;
using ConfigLang.Modules.Types;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// The native half of ConfigLang's <c>lib</c>: the module system (<c>evalModules</c>,
/// <c>mkOption</c>, properties, <c>types</c>, merge helpers, message helpers). The other half,
/// plain helpers written in the language, lives in the embedded <c>lib/default.nix</c>, which
/// calls <c>builtins.configlangModules { import; toString; lib; }</c> and extends the result.
/// </summary>
public static class NativeLibrary
{
    public static AttrSetValue Build(Interpreter interpreter, Value argument, bool recordOrigins = false)
    {
        var args = Nix.ForceAttrs(argument, "configlangModules expects { import, toString, lib }");
        var lib = Nix.Get(args, "lib")!;
        var system = new ModuleSystem(interpreter, () => lib.Force()) { RecordsOrigins = recordOrigins };

        var builder = new AttrSetBuilder(64);
        builder.Add("evalModules", Nix.Function("evalModules", 1, (ip, a) => system.Evaluate(ip, EvalModulesRequest.FromValue(a[0]))));
        builder.Add("types", TypeFunctions.Build(system));
        PropertyFunctions.AddTo(builder);

        builder.Add("mkOption", Nix.Function("mkOption", 1, (_, a) =>
            OptionTagging.Tag(Nix.ForceAttrs(a[0], "mkOption expects a set"))));
        builder.Add("mkEnableOption", Nix.Function("mkEnableOption", 1, (_, a) => Nix.Attrs(
            ("_type", Nix.Str("option")),
            ("default", Nix.Bool(false)),
            ("example", Nix.Bool(true)),
            ("description", Nix.Lazy(() => Nix.Str($"Whether to enable {Nix.ForceString(a[0])}."))),
            ("type", BuiltinTypes.Bool.ToValue()))));
        builder.Add("isOption", Nix.Function("isOption", 1, (_, a) => Nix.Bool(Nix.TypeTag(a[0]) == "option")));
        builder.Add("mkOptionType", Nix.Function("mkOptionType", 1, (_, a) => MakeOptionType(Nix.ForceAttrs(a[0]))));
        builder.Add("literalExpression", Nix.Function("literalExpression", 1, (_, a) => Literal("literalExpression", a[0])));
        builder.Add("literalMD", Nix.Function("literalMD", 1, (_, a) => Literal("literalMD", a[0])));
        builder.Add("literalExample", Nix.Function("literalExample", 1, (_, a) => Literal("literalExpression", a[0])));

        builder.Add("showOption", Nix.Function("showOption", 1, (_, a) => Nix.Str(OptionPath.Show(OptionType.ToLoc(a[0])))));
        builder.Add("showFiles", Nix.Function("showFiles", 1, (_, a) =>
            Nix.Str(DefinitionListing.ShowFiles(Nix.ForceList(a[0]).Items.Select(v => Nix.ForceString(v))))));
        builder.Add("showDefs", Nix.Function("showDefs", 1, (_, a) =>
            Nix.Str(DefinitionListing.Show(Nix.ForceList(a[0]).Items.Select(Definition.FromValue)))));
        builder.Add("mergeEqualOption", Merge("mergeEqualOption", (_, loc, defs) => MergeFunctions.Equal(loc, defs)));
        builder.Add("mergeOneOption", Merge("mergeOneOption", (_, loc, defs) => MergeFunctions.Unique(loc, defs)));
        builder.Add("mergeDefaultOption", Merge("mergeDefaultOption", MergeFunctions.Default));
        builder.Add("mergeUniqueOption", Nix.Function("mergeUniqueOption", 3, (ip, a) =>
        {
            var options = Nix.ForceAttrs(a[0]);
            var message = Nix.Get(options, "message") is { } m ? Nix.ForceString(m) : "";
            var loc = OptionType.ToLoc(a[1]);
            var defs = Nix.ForceList(a[2]).Items.Select(Definition.FromValue).ToList();
            if (defs.Count != 1) throw MergeFunctions.NotUnique(loc, defs, message);
            return Nix.Get(options, "merge") is { } merge && merge.Force() is not NullValue
                ? Nix.Call(ip, merge, a[1], a[2])
                : defs[0].Value;
        }));
        builder.Add("mergeDefinitions", Nix.Function("mergeDefinitions", 3, (ip, a) =>
        {
            var merged = new MergedDefinitions(ip, OptionType.ToLoc(a[0]), OptionType.FromValue(a[1]),
                [.. Nix.ForceList(a[2]).Items.Select(Definition.FromValue)]);
            return Nix.Attrs(
                ("defsFinal", Nix.Lazy(() => Definition.ToList(merged.Final))),
                ("defsFinal'", Nix.Attrs(
                    ("values", Nix.Lazy(() => Definition.ToList(merged.Final))),
                    ("highestPrio", Nix.Lazy(() => Nix.Int(merged.HighestPriority))))),
                ("mergedValue", Nix.Lazy(() => merged.MergedValue.Force())),
                ("isDefined", Nix.Lazy(() => Nix.Bool(merged.IsDefined))),
                ("optionalValue", Nix.Lazy(() => merged.IsDefined ? Nix.Attrs(("value", Nix.Lazy(() => merged.MergedValue.Force()))) : AttrSetValue.Empty)));
        }));
        builder.Add("configlangFileName", Nix.Function("configlangFileName", 1, (_, a) =>
            StringValue.FromUnicode(LibraryFiles.DisplayName(ByteText.ToUnicode(Nix.ForceString(a[0]))))));
        builder.Add("configlangShowValue", Nix.Function("configlangShowValue", 1, (_, a) =>
            ValuePrinter.TryPrint(a[0]) is { } text ? Nix.Str(text) : Nix.Null));
        builder.Add("configlangOptionsOf", Nix.Function("configlangOptionsOf", 1, (_, a) =>
            ConfigurationOrigins.Find(a[0]) is { } origin ? origin.Root.OptionsValue : Nix.Null));
        builder.Add("configlangExplain", Nix.Function("configlangExplain", 2, (ip, a) =>
            new OptionExplainer(ip).Explain(OptionType.ToLoc(a[0]), a[1])));
        builder.Add("pushDownProperties", Nix.Function("pushDownProperties", 1, (_, a) => Nix.List(Properties.Properties.PushDown(a[0]))));
        builder.Add("dischargeProperties", Nix.Function("dischargeProperties", 1, (_, a) =>
        {
            var into = new List<Definition>();
            Properties.Properties.Discharge(new Definition("<unknown-file>", a[0]), into);
            return ListValue.Of([.. into.Select(d => d.Value)]);
        }));
        return builder.Build();
    }

    private static Value Merge(string name, Func<Interpreter, IReadOnlyList<string>, IReadOnlyList<Definition>, Value> merge) =>
        Nix.Function(name, 2, (ip, a) => merge(ip, OptionType.ToLoc(a[0]), [.. Nix.ForceList(a[1]).Items.Select(Definition.FromValue)]));

    private static Value Literal(string kind, Value text)
    {
        if (text.Force() is not StringValue) throw Nix.Throw($"{kind} expects a string.", ModuleDiagnostics.LibraryMisuse);
        return Nix.Attrs(("_type", Nix.Str(kind)), ("text", text));
    }

    /// <summary><c>mkOptionType</c>: the given attributes over the defaults every type has.</summary>
    private static Value MakeOptionType(AttrSetValue given)
    {
        var name = Nix.Get(given, "name") ?? throw Nix.Throw("mkOptionType needs a name", ModuleDiagnostics.LibraryMisuse);
        var defaults = Nix.Attrs(
            ("_type", Nix.Str("option-type")),
            ("name", name),
            ("description", name),
            ("descriptionClass", Nix.Null),
            ("check", Nix.Function("check", 1, (_, _) => Nix.Bool(true))),
            ("merge", Merge("mergeDefaultOption", MergeFunctions.Default)),
            ("emptyValue", AttrSetValue.Empty),
            ("getSubOptions", Nix.Function("getSubOptions", 1, (_, _) => AttrSetValue.Empty)),
            ("getSubModules", Nix.Null),
            ("substSubModules", Nix.Function("substSubModules", 1, (_, _) => Nix.Null)),
            ("deprecationMessage", Nix.Null),
            ("nestedTypes", AttrSetValue.Empty),
            ("functor", Nix.Attrs(("name", name), ("wrapped", Nix.Null), ("payload", Nix.Null),
                ("binOp", Nix.Function("binOp", 2, (_, _) => Nix.Null)))));
        var result = defaults.Update(given).Update(Nix.Attrs(("_type", Nix.Str("option-type"))));
        return result;
    }
}
