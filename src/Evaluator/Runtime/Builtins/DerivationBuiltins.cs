using System.Security.Cryptography;
using System.Text;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Store;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>
/// <c>derivationStrict</c> and <c>derivation</c>, evaluated as Nix does up to the store paths
/// (input-addressed: ATerm serialisation, hash modulo input derivations, output and .drv paths),
/// writing the .drv file into the evaluation's own store but building nothing. String contexts record the dependencies:
/// <c>=DRV</c> (all outputs of DRV), <c>!OUT!DRV</c> (one output), or a plain source path.
/// </summary>
internal static class DerivationBuiltins
{
    /// <summary>The Nix 2.8 <c>derivation</c> wrapper (corepkgs/derivation.nix), run by the interpreter itself,
    /// laid out on the lines and columns of Nix's file (blank lines, a comment), since positions in it show
    /// (<c>--xml</c> prints the function at line 5, <c>unsafeGetAttrPos "drvPath"</c> gives line 20).</summary>
    private const string DerivationSource = """

        /* The derivation builtin: derivationStrict's store paths, one attribute set per output,
           all sharing the attributes given. */

        drvAttrs @ { outputs ? [ "out" ], ... }:

        let

          strict = derivationStrict drvAttrs;

          commonAttrs = drvAttrs // (builtins.listToAttrs outputsList) //
            { all = map (x: x.value) outputsList;
              inherit drvAttrs;
            };

          outputToAttrListElement = outputName:
            { name = outputName;
              value = commonAttrs // {
                outPath = builtins.getAttr outputName strict;
                drvPath = strict.drvPath;
                type = "derivation";
                inherit outputName;
              };
            };

          outputsList = map outputToAttrListElement outputs;

        in (builtins.head outputsList).value
        """;

    /// <summary>The file Nix 2.8 names derivation.nix by, in positions.</summary>
    private const string DerivationFile = "//builtin/derivation.nix";

    private sealed record Derivation(
        SortedDictionary<string, string> Outputs,
        SortedDictionary<string, SortedSet<string>> InputDrvs,
        SortedSet<string> InputSrcs,
        string Platform, string Builder, List<string> Args,
        SortedDictionary<string, string> Env);

    public static void Register(BuiltinRegistry r)
    {
        var interpreter = r.Interpreter;
        var known = new Dictionary<string, (Derivation Drv, string HashModulo)>(StringComparer.Ordinal);
        r.Add("derivationStrict", 1, (i, a, s) => DerivationStrict(i, a[0], s, known), global: true);
        // Nix evaluates it at start-up (so prints it as a function); lazily here, keeping start-up cheap.
        r.AddValue("derivation", new StartupThunk(() =>
            interpreter.Evaluate(new SourceText(DerivationSource, DerivationFile) { IsBuiltIntoNix = true }, "//builtin")), global: true);
    }

    /// <summary>Nix 2.8 checks the mode as it reads the attribute, before the required ones are
    /// missed, and reports it at the derivation's name.</summary>
    private static void CheckHashMode(string mode, SourceLocation? namePosition)
    {
        if (mode is "recursive" or "flat") return;
        throw EvaluationException.Create(EvaluationDiagnostics.General, $"invalid value '{mode}' for 'outputHashMode' attribute", namePosition);
    }

    private static Value DerivationStrict(Interpreter i, Value argument, SourceLocation? site,
        Dictionary<string, (Derivation Drv, string HashModulo)> known)
    {
        var attrs = i.ForceAttrs(argument, site, "while evaluating the argument passed to builtins.derivationStrict");
        var nameValue = attrs.Get(Symbols.Name)
            ?? throw MissingCallAttribute.Error("name", "derivationStrict", argument, site);
        string drvName;
        try
        {
            drvName = i.ForceStringNoContext(nameValue, site);
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            throw e.AddFrame("while evaluating the derivation attribute 'name'", attrs.PositionOf(Symbols.Name) ?? site);
        }
        var ignoreNulls = attrs.Get("__ignoreNulls") is { } ig && i.ForceBool(ig, site);
        var structured = attrs.Get("__structuredAttrs") is { } sa
            && i.ForceBool(sa, site, $"while evaluating the '__structuredAttrs' attribute passed to builtins.derivationStrict");
        var json = structured ? new StructuredAttrs() : null;
        var namePosition = attrs.PositionOf(Symbols.Name) ?? site;
        var fixedOutput = false;
        string[]? context = null;
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var args = new List<string>();
        var outputs = new List<string> { "out" };
        string builder = "", platform = "";
        for (var k = 0; k < attrs.Count; k++)
        {
            var key = attrs.Names[k].Name;
            if (key == "__ignoreNulls") continue;
            var value = attrs.Values[k];
            try
            {
                if (ignoreNulls && value.Force() is NullValue) continue;
                if (key is "__contentAddressed" or "__impure")
                {
                    if (i.ForceBool(value, site))
                    {
                        var feature = key == "__impure" ? "impure-derivations" : "ca-derivations";
                        throw EvaluationException.Create(EvaluationDiagnostics.Unsupported, $"experimental Nix feature '{feature}' is disabled", site);
                    }
                    continue;
                }
                if (key == "args")
                {
                    // Nix 2.8 reports an argument that is no string at the derivation's name.
                    foreach (var item in i.ForceList(value, site).Items) args.Add(i.CoerceToString(item, namePosition, ref context, coerceMore: true));
                    continue;
                }
                if (json is not null)
                {
                    if (key == "__structuredAttrs") continue;
                    var encoded = JsonPrinter.ToJson(i, value, site);
                    context = StringValue.MergeContext(context, encoded.Context);
                    json.Add(key, encoded.Text);
                    StructuredAttrs.WarnIfLegacyOutputCheck(i, drvName, key, attrs.PositionOf(attrs.Names[k]));
                    switch (key)
                    {
                        // Here the builder must be a string and the outputs a list (Nix 2.8),
                        // reported, as the following, at the derivation's name.
                        case "builder":
                            var builderValue = i.ForceString(value, namePosition);
                            context = StringValue.MergeContext(context, builderValue.Context);
                            builder = builderValue.Text;
                            break;
                        case "system": platform = i.ForceStringNoContext(value, namePosition); break;
                        case "outputs":
                            outputs = CheckOutputs(i.ForceList(value, namePosition).Items.Select(o => i.ForceStringNoContext(o, namePosition)).ToList(), site, namePosition);
                            break;
                        case "outputHash" or "outputHashAlgo" or "outputHashMode":
                            var hashText = i.ForceStringNoContext(value, namePosition);
                            if (key == "outputHashMode") CheckHashMode(hashText, namePosition);
                            fixedOutput = true;
                            break;
                    }
                    continue;
                }
                // Nix 2.8 reports a value that is no string at its attribute.
                var text = i.CoerceToString(value, attrs.PositionOf(attrs.Names[k]) ?? site, ref context, coerceMore: true);
                env[key] = text;
                switch (key)
                {
                    case "builder": builder = text; break;
                    case "system": platform = text; break;
                    case "outputs":
                        outputs = CheckOutputs(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(), site, namePosition);
                        break;
                    case "__contentAddressed" when text == "1":
                        throw EvaluationException.Create(EvaluationDiagnostics.Unsupported, "experimental Nix feature 'ca-derivations' is disabled", site);
                    case "__impure" when text == "1":
                        throw EvaluationException.Create(EvaluationDiagnostics.Unsupported, "experimental Nix feature 'impure-derivations' is disabled", site);
                    case "outputHash" or "outputHashAlgo" or "outputHashMode":
                        if (key == "outputHashMode") CheckHashMode(text, namePosition);
                        fixedOutput = true;
                        break;
                }
            }
            catch (EvaluationException e) when (!e.IsStackOverflow)
            {
                throw e.AddFrame($"while evaluating the attribute '{key}' of the derivation '{drvName}'", namePosition);
            }
        }
        if (json is not null) env["__json"] = json.Json;
        // Nix 2.8 checks these at the derivation's name, after every attribute and before the output hash.
        if (builder.Length == 0) throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, "required attribute 'builder' missing", namePosition);
        if (platform.Length == 0) throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, "required attribute 'system' missing", namePosition);
        // A name is otherwise checked as the outputs' store paths are made, as Nix 2.8 does (CheckOutputName).
        if (drvName.EndsWith(".drv", StringComparison.Ordinal))
        {
            throw EvaluationException.Create(EvaluationDiagnostics.General, "derivation names are not allowed to end in '.drv'", namePosition);
        }
        if (fixedOutput) throw EvaluationException.Create(EvaluationDiagnostics.Unsupported, "fixed-output derivations are not supported without a Nix store", site);

        var inputDrvs = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var inputSrcs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in context ?? [])
        {
            if (entry.StartsWith('='))
            {
                var drvPath = entry[1..];
                var set = GetOrAdd(inputDrvs, drvPath);
                if (known.TryGetValue(drvPath, out var info)) set.UnionWith(info.Drv.Outputs.Keys);
            }
            else if (entry.StartsWith('!'))
            {
                var second = entry.IndexOf('!', 1);
                GetOrAdd(inputDrvs, entry[(second + 1)..]).Add(entry[1..second]);
            }
            else
            {
                inputSrcs.Add(entry);
            }
        }

        var drv = new Derivation(new SortedDictionary<string, string>(StringComparer.Ordinal), inputDrvs, inputSrcs, platform, builder, args, env);
        foreach (var output in outputs)
        {
            drv.Outputs[output] = "";
            env[output] = "";
        }
        var hashModulo = HashModulo(drv, known);
        // In Nix 2.8's order (sorted), so that an invalid name is reported with the first output's store path.
        foreach (var output in drv.Outputs.Keys.ToArray())
        {
            var outputName = output == "out" ? drvName : $"{drvName}-{output}";
            CheckOutputName(drvName, output, outputName, hashModulo, namePosition);
            var path = StorePaths.MakeStorePath("output:" + output, hashModulo, outputName);
            drv.Outputs[output] = path;
            env[output] = path;
        }
        var references = new SortedSet<string>(inputSrcs, StringComparer.Ordinal);
        references.UnionWith(inputDrvs.Keys);
        var type = "text" + string.Concat(references.Select(reference => ":" + reference));
        var drvFile = ByteText.ToBytes(Unparse(drv, null));
        var drvPathResult = StorePaths.MakeStorePath(type, SHA256.HashData(drvFile), drvName + ".drv");
        i.Files.Store.Add(drvPathResult, new StoreFile(drvFile), site);
        known[drvPathResult] = (drv, Convert.ToHexStringLower(HashModulo(drv, known)));

        var result = new AttrSetBuilder(outputs.Count + 1);
        result.Add("drvPath", new StringValue(drvPathResult, ["=" + drvPathResult]));
        foreach (var output in outputs) result.Add(output, new StringValue(drv.Outputs[output], [$"!{output}!{drvPathResult}"]));
        return result.Build();
    }

    /// <summary>
    /// Refuses an output's store path name outside the store's rule where Nix 2.8 does, as its path is made. Eval
    /// prints Nix 2.8's words, which quote a store path with a hash the user never wrote, at no position; lint explains
    /// the derivation's name at the name.
    /// </summary>
    private static void CheckOutputName(string drvName, string output, string outputName, byte[] hashModulo, SourceLocation? namePosition)
    {
        if (StorePaths.FindNameFault(outputName, out var illegal) == StorePaths.NameFault.None) return;
        var nixMessage = StorePaths.BadNameMessage(StorePaths.BaseName("output:" + output, hashModulo, outputName), outputName)!;
        // The derivation's own name is at fault, or else (only too long) the output's name added to it.
        var problem = StorePaths.FindNameFault(drvName, out illegal) switch
        {
            StorePaths.NameFault.Empty => "name must not be empty",
            StorePaths.NameFault.IllegalCharacter => $"name '{ByteText.ToUnicode(drvName)}' contains illegal character '{ByteText.ToUnicode(illegal.ToString())}'",
            StorePaths.NameFault.TooLong => $"name '{ByteText.ToUnicode(drvName[..40])}…' must be no longer than 211 characters",
            _ => $"name '{ByteText.ToUnicode(drvName)}' with its output '{ByteText.ToUnicode(output)}' must be no longer than 211 characters",
        };
        var diagnostic = Diagnostic.Error(EvaluationDiagnostics.General, $"invalid derivation name: {problem}. Please pass a different 'name'.", namePosition);
        throw new EvaluationException(diagnostic with { NixMessage = nixMessage }).LocatedByNixAt(null);
    }

    /// <summary>The output names, checked as Nix does: at least one, no duplicates, none named like the .drv.
    /// Nix 2.8 reports the first two at the derivation's name (<paramref name="namePosition"/>).</summary>
    private static List<string> CheckOutputs(List<string> outputs, SourceLocation? site, SourceLocation? namePosition)
    {
        if (outputs.Count == 0)
        {
            throw EvaluationException.Create(EvaluationDiagnostics.General, "derivation cannot have an empty set of outputs", site).LocatedByNixAt(namePosition);
        }
        foreach (var duplicate in outputs.GroupBy(o => o).Where(g => g.Count() > 1))
        {
            throw EvaluationException.Create(EvaluationDiagnostics.General, $"duplicate derivation output '{duplicate.Key}'", site).LocatedByNixAt(namePosition);
        }
        foreach (var output in outputs)
        {
            // "drv" names the derivation file; "drvPath" would clash with the attribute of that name.
            if (output is "drv" or "drvPath") throw EvaluationException.Create(EvaluationDiagnostics.General, $"invalid derivation output name '{output}'", site);
        }
        return outputs;
    }

    private static SortedSet<string> GetOrAdd(SortedDictionary<string, SortedSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        return set;
    }

    /// <summary>SHA-256 of the ATerm with each input derivation replaced by its own hash modulo.</summary>
    private static byte[] HashModulo(Derivation drv, Dictionary<string, (Derivation Drv, string HashModulo)> known)
    {
        var replaced = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (path, outputs) in drv.InputDrvs)
        {
            replaced[known.TryGetValue(path, out var info) ? info.HashModulo : path] = outputs;
        }
        return SHA256.HashData(ByteText.ToBytes(Unparse(drv, replaced)));
    }

    /// <summary>The ATerm text of a derivation (what a .drv file contains).</summary>
    private static string Unparse(Derivation drv, SortedDictionary<string, SortedSet<string>>? inputDrvs)
    {
        var s = new StringBuilder("Derive([");
        s.AppendJoin(',', drv.Outputs.Select(o => $"({Quote(o.Key)},{Quote(o.Value)},\"\",\"\")"));
        s.Append("],[");
        s.AppendJoin(',', (inputDrvs ?? drv.InputDrvs).Select(d => $"({Quote(d.Key)},[{string.Join(',', d.Value.Select(Quote))}])"));
        s.Append("],[");
        s.AppendJoin(',', drv.InputSrcs.Select(Quote));
        s.Append("],").Append(Quote(drv.Platform)).Append(',').Append(Quote(drv.Builder)).Append(",[");
        s.AppendJoin(',', drv.Args.Select(Quote));
        s.Append("],[");
        s.AppendJoin(',', drv.Env.Select(e => $"({Quote(e.Key)},{Quote(e.Value)})"));
        s.Append("])");
        return s.ToString();
    }

    private static string Quote(string text)
    {
        var s = new StringBuilder("\"");
        foreach (var c in text)
        {
            s.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() });
        }
        return s.Append('"').ToString();
    }
}
