namespace ConfigLang.Modules.Options;

/// <summary>
/// The numbers behind <c>mkOverride</c> and <c>mkOrder</c>. For overrides a lower number wins:
/// an option's default (1500) loses to <c>mkDefault</c> (1000), which loses to a plain definition
/// (100), which loses to <c>mkForce</c> (50). For order a lower number comes first:
/// <c>mkBefore</c> (500), plain (1000), <c>mkAfter</c> (1500).
/// </summary>
public static class Priorities
{
    public const int OptionDefault = 1500;
    public const int Default = 1000;
    public const int Plain = 100;
    public const int ImageMedia = 60;
    public const int Force = 50;
    public const int VirtualMachine = 10;

    public const int OrderBefore = 500;
    public const int OrderDefault = 1000;
    public const int OrderAfter = 1500;
}
