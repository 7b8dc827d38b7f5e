namespace ConfigLang.Acme.Planning;

/// <summary>The contract spelling of <see cref="PlanAction"/> (<c>issue</c>, <c>reissue</c>, <c>renew</c>, <c>keep</c>).</summary>
public static class PlanActions
{
    /// <summary>The lower-case word used by <c>preview --json</c>.</summary>
    public static string Format(PlanAction action) => action switch
    {
        PlanAction.Keep => "keep",
        PlanAction.Renew => "renew",
        PlanAction.Reissue => "reissue",
        PlanAction.Issue => "issue",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown plan action"),
    };

    /// <summary>True for the actions that contact the CA.</summary>
    public static bool NeedsOrder(this PlanAction action) => action is not PlanAction.Keep;
}
