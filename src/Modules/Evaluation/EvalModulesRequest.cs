using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Modules.Evaluation;

/// <summary>The arguments of <c>lib.evalModules</c>.</summary>
public sealed record EvalModulesRequest(
    IReadOnlyList<Value> Modules,
    IReadOnlyList<string> Prefix,
    AttrSetValue SpecialArgs,
    string? Class)
{
    /// <summary>Whether the evaluation is under a prefix (a submodule's instance): its <c>_module.args</c>
    /// option is then internal, and an unknown option's hint names the prefix.</summary>
    public bool IsNested => Prefix.Count > 0;

    public static EvalModulesRequest FromValue(Value argument)
    {
        var attrs = Lib.Nix.ForceAttrs(argument, "evalModules expects a set");
        var modules = Lib.Nix.Get(attrs, "modules") is { } m ? Lib.Nix.ForceList(m).Items : [];
        var prefix = Lib.Nix.Get(attrs, "prefix") is { } p ? Types.OptionType.ToLoc(p) : [];
        var specialArgs = Lib.Nix.Get(attrs, "specialArgs") is { } s ? Lib.Nix.ForceAttrs(s) : AttrSetValue.Empty;
        var cls = Lib.Nix.Get(attrs, "class") is { } c && c.Force() is StringValue cs ? cs.Text : null;
        var all = new List<Value>(modules);
        if (Lib.Nix.Get(attrs, "args") is { } args)
            all.Add(Lib.Nix.Attrs(("config", Lib.Nix.Attrs(("_module", Lib.Nix.Attrs(("args", args)))))));
        if (Lib.Nix.Get(attrs, "check") is { } check)
            all.Add(Lib.Nix.Attrs(("config", Lib.Nix.Attrs(("_module", Lib.Nix.Attrs(("check",
                Properties.Properties.MakeOverride(Lib.Nix.Int(Options.Priorities.Default), check))))))));
        return new EvalModulesRequest(all, prefix, specialArgs, cls);
    }
}
