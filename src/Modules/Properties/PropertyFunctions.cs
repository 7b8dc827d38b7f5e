using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Properties;

/// <summary>
/// The library functions that wrap definitions in properties: <c>mkIf</c>, <c>mkMerge</c>,
/// <c>mkOverride</c> and its shorthands (<c>mkOptionDefault</c> 1500, <c>mkDefault</c> 1000,
/// <c>mkImageMediaOverride</c> 60, <c>mkForce</c> 50, <c>mkVMOverride</c> 10), <c>mkOrder</c>
/// and its shorthands (<c>mkBefore</c> 500, <c>mkAfter</c> 1500), and <c>mkDefinition</c>.
/// </summary>
public static class PropertyFunctions
{
    public static void AddTo(AttrSetBuilder lib)
    {
        lib.Add("mkIf", Nix.Function("mkIf", 2, (_, a) => Properties.MakeIf(a[0], a[1])));
        lib.Add("mkMerge", Nix.Function("mkMerge", 1, (_, a) => Properties.MakeMerge(a[0])));
        lib.Add("mkOverride", Nix.Function("mkOverride", 2, (_, a) => Properties.MakeOverride(a[0], a[1])));
        lib.Add("mkOrder", Nix.Function("mkOrder", 2, (_, a) => Properties.MakeOrder(a[0], a[1])));
        AddOverride(lib, "mkOptionDefault", Priorities.OptionDefault);
        AddOverride(lib, "mkDefault", Priorities.Default);
        AddOverride(lib, "mkImageMediaOverride", Priorities.ImageMedia);
        AddOverride(lib, "mkForce", Priorities.Force);
        AddOverride(lib, "mkVMOverride", Priorities.VirtualMachine);
        AddOrder(lib, "mkBefore", Priorities.OrderBefore);
        AddOrder(lib, "mkAfter", Priorities.OrderAfter);
        lib.Add("defaultOverridePriority", Nix.Int(Priorities.Plain));
        lib.Add("defaultOrderPriority", Nix.Int(Priorities.OrderDefault));
        lib.Add("mkDefinition", Nix.Function("mkDefinition", 1, (_, a) =>
            Nix.ForceAttrs(a[0]).Update(Nix.Attrs(("_type", Nix.Str(PropertyNames.Definition))))));
    }

    private static void AddOverride(AttrSetBuilder lib, string name, int priority) =>
        lib.Add(name, Nix.Function(name, 1, (_, a) => Properties.MakeOverride(Nix.Int(priority), a[0])));

    private static void AddOrder(AttrSetBuilder lib, string name, int priority) =>
        lib.Add(name, Nix.Function(name, 1, (_, a) => Properties.MakeOrder(Nix.Int(priority), a[0])));
}
