namespace ConfigLang.Modules.Properties;

/// <summary>The <c>_type</c> tags of definition properties, as NixOS spells them.</summary>
public static class PropertyNames
{
    /// <summary><c>mkIf condition content</c></summary>
    public const string If = "if";
    /// <summary><c>mkMerge contents</c></summary>
    public const string Merge = "merge";
    /// <summary><c>mkOverride priority content</c> (and mkDefault, mkForce, …)</summary>
    public const string Override = "override";
    /// <summary><c>mkOrder priority content</c> (and mkBefore, mkAfter)</summary>
    public const string Order = "order";
    /// <summary><c>mkDefinition { file, value }</c>: a definition carrying its own file.</summary>
    public const string Definition = "definition";
}
