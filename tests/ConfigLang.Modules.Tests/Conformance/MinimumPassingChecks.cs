namespace ConfigLang.Modules.Tests.Conformance;

/// <summary>How many of the module-system conformance checks must pass at least (a ratchet).</summary>
internal static class MinimumPassingChecks
{
    public const int Count = 272;
}
