using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Types;

/// <summary>
/// The stock merge strategies of NixOS types: equal values only (<c>mergeEqualOption</c>), a
/// single definition (<c>mergeOneOption</c>/<c>mergeUniqueOption</c>), and the permissive
/// <c>mergeDefaultOption</c> (concatenate lists and strings, union sets, or functions, …).
/// </summary>
public static class MergeFunctions
{
    public const string PrioritySuggestion =
        "Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.";

    public static Value Equal(IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        var first = definitions[0];
        for (var i = 1; i < definitions.Count; i++)
        {
            if (!ValueEquality.Equal(definitions[i].Value, first.Value))
            {
                throw Nix.Throw(
                    $"The option `{OptionPath.Show(loc)}' has conflicting definition values:{DefinitionListing.Show([first, definitions[i]])}\n{PrioritySuggestion}\n",
                    ModuleDiagnostics.ConflictingValues, definitions[i].Position);
            }
        }
        return first.Value;
    }

    public static Value Unique(IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions, string message = "")
    {
        if (definitions.Count == 1) return definitions[0].Value;
        throw NotUnique(loc, definitions, message);
    }

    public static Exception NotUnique(IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions, string message) =>
        Nix.Throw(
            $"The option `{OptionPath.Show(loc)}' is defined multiple times while it's expected to be unique.\n{message}\nDefinition values:{DefinitionListing.Show(definitions)}\n{PrioritySuggestion}\n",
            ModuleDiagnostics.NotUnique, definitions[^1].Position);

    public static Value Default(Interpreter interpreter, IReadOnlyList<string> loc, IReadOnlyList<Definition> definitions)
    {
        if (definitions.Count == 1) return definitions[0].Value;
        var values = definitions.Select(d => d.Value.Force()).ToList();
        if (values.All(v => v.IsFunction))
        {
            return Nix.Function("mergedFunction", 1, (ip, a) =>
                Default(ip, loc, [.. definitions.Select(d => d.WithValue(Nix.Lazy(() => Nix.Call(ip, d.Value, a[0]))))]));
        }
        if (values.All(v => v is ListValue)) return ListValue.Of([.. values.SelectMany(v => ((ListValue)v).Items)]);
        if (values.All(v => v is AttrSetValue))
        {
            var result = AttrSetValue.Empty;
            foreach (var v in values) result = result.Update((AttrSetValue)v);
            return result;
        }
        if (values.All(v => v is BoolValue)) return Nix.Bool(values.Any(v => ((BoolValue)v).Value));
        if (values.All(v => v is StringValue)) return Nix.Str(string.Concat(values.Select(v => ((StringValue)v).Text)));
        if (values.All(v => v is IntValue) && values.All(v => ((IntValue)v).Value == ((IntValue)values[0]).Value)) return values[0];
        throw Nix.Throw($"Cannot merge definitions of `{OptionPath.Show(loc)}'. Definition values:{DefinitionListing.Show(definitions)}",
            ModuleDiagnostics.ConflictingValues);
    }
}
