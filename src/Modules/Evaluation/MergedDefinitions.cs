using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Diagnostics;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;
using ConfigLang.Modules.Properties;
using ConfigLang.Modules.Types;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// The definitions of one option, merged as NixOS merges them, in fixed steps:
/// <list type="number">
/// <item>discharge: expand <c>mkMerge</c>, keep <c>mkIf</c> contents whose condition is true;</item>
/// <item>filter overrides: keep only the definitions of the best (lowest) priority, so
/// <c>[ (mkDefault 1) 2 (mkForce 3) ]</c> keeps <c>3</c>;</item>
/// <item>sort by order: <c>mkBefore</c> (500) first, <c>mkAfter</c> (1500) last, stable;</item>
/// <item>check each remaining definition against the type, then merge them with the type.</item>
/// </list>
/// Each step runs on first use only, so asking whether an option is defined does not merge it.
/// </summary>
public sealed class MergedDefinitions
{
    private readonly Interpreter _interpreter;
    private IReadOnlyList<Definition>? _raw;
    private OnceField<List<Definition>> _filtered;
    private OnceField<List<Definition>> _final;
    private int _highestPriority;
    private OnceField<Value> _merged;

    public MergedDefinitions(Interpreter interpreter, IReadOnlyList<string> loc, OptionType type, IReadOnlyList<Definition> definitions)
    {
        _interpreter = interpreter;
        Loc = loc;
        Type = type;
        _raw = definitions;
    }

    public IReadOnlyList<string> Loc { get; }

    public OptionType Type { get; }

    /// <summary>The definitions that take part in the merge, in order, without properties.</summary>
    public IReadOnlyList<Definition> Final => _final.Get(this, static m => m.SortByOrder());

    public int HighestPriority
    {
        get
        {
            _ = Filtered;
            return _highestPriority;
        }
    }

    public bool IsDefined => Filtered.Count > 0;

    private List<Definition> Filtered => _filtered.Get(this, static m => m.DischargeAndFilter());

    /// <summary>The merged value, or the type's empty value, or an error saying nothing is defined.</summary>
    public Value MergedValue => _merged.Get(this, static m => m.ComputeMerged());

    private List<Definition> DischargeAndFilter()
    {
        var raw = _raw!;
        var discharged = new List<Definition>(raw.Count);
        for (var r = 0; r < raw.Count; r++)
        {
            var definition = raw[r];
            try
            {
                Properties.Properties.Discharge(definition, discharged);
            }
            catch (EvaluationException e)
            {
                e.AddFrame($"while evaluating definitions from `{LibraryFiles.DisplayName(definition.File)}':", definition.Position);
                throw;
            }
        }

        // Keep the definitions with the best override priority.
        var best = int.MaxValue;
        Span<int> priorities = discharged.Count <= 32 ? stackalloc int[discharged.Count] : new int[discharged.Count];
        for (var i = 0; i < discharged.Count; i++)
        {
            priorities[i] = discharged[i].PresetPriority ?? Properties.Properties.OverridePriority(discharged[i].Value);
            best = Math.Min(best, priorities[i]);
        }
        _highestPriority = discharged.Count == 0 ? 9999 : best;
        // The common case keeps every definition unchanged: then the discharged list is the result.
        List<Definition>? kept = null;
        for (var i = 0; i < discharged.Count; i++)
        {
            var definition = discharged[i];
            Definition? keep;
            if (priorities[i] != best) keep = null;
            // An option default is kept as it is: what later takes its value apart (a list's
            // elements, say) uses WithValue, which drops the preset priority.
            else if (definition.PresetPriority is not null) keep = definition;
            else
            {
                var stripped = Properties.Properties.StripOverride(definition.Value);
                keep = ReferenceEquals(stripped, definition.Value) ? definition : definition.WithValue(stripped);
            }
            if (kept is null && !ReferenceEquals(keep, definition))
            {
                kept = new List<Definition>(discharged.Count);
                for (var k = 0; k < i; k++) kept.Add(discharged[k]);
            }
            if (kept is not null && keep is not null) kept.Add(keep);
        }
        // Only the filtered definitions are needed from here on; let the raw ones go (after
        // success: a failed discharge is retried, and fails again, on the next use).
        _raw = null;
        return kept ?? discharged;
    }

    // Sorting looks at the values, so it runs only when the definitions themselves are needed
    // (not for isDefined or highestPrio).
    private List<Definition> SortByOrder()
    {
        var kept = Filtered;
        if (!kept.Any(d => Properties.Properties.IsOrder(d.Value))) return kept;
        var ordered = kept.Select(Properties.Properties.StripOrder).ToList();
        // List.Sort is not stable; order by (priority, position) instead.
        return [.. ordered.Select((d, i) => (d, i)).OrderBy(p => p.d.OrderPriority).ThenBy(p => p.i).Select(p => p.d)];
    }

    private Value ComputeMerged()
    {
        var final = Final;
        if (final.Count > 0)
        {
            List<Definition>? invalid = null;
            for (var f = 0; f < final.Count; f++)
            {
                var definition = final[f];
                if (!Type.Check(_interpreter, definition.Value)) (invalid ??= []).Add(definition);
            }
            if (invalid is not null)
            {
                // A type that can say why (a user name holding `:`) says it after its description.
                var why = Type.Rejection(_interpreter, invalid[0].Value) is { } reason ? ": " + reason : "";
                throw Nix.Throw(
                    $"A definition for option `{OptionPath.Show(Loc)}' is not of type `{Type.Description}'{why}. {(Type.ReportsHeadError ? "TypeError: Definition values: " : "Definition values:")}{DefinitionListing.Show(invalid)}",
                    ModuleDiagnostics.WrongType, invalid[0].Position);
            }
            return Type.Merge(_interpreter, Loc, final);
        }
        if (Type.EmptyValue is { } empty) return empty;
        throw Nix.Throw(
            $"The option `{OptionPath.Show(Loc)}' was accessed but has no value defined. Try setting the option.",
            ModuleDiagnostics.NoValue);
    }

    /// <summary>The type's <c>valueMeta</c> for the final definitions (empty when nothing is defined);
    /// not kept here, since callers reach it through a thunk that keeps it.</summary>
    public Value ValueMeta => Final.Count == 0 ? AttrSetValue.Empty : Type.ValueMeta(_interpreter, Loc, Final);

    /// <summary><c>optionalValue</c>: the merged value when something is defined.</summary>
    public Value? OptionalValue => IsDefined ? MergedValue : null;
}
