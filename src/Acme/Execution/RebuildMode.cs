namespace ConfigLang.Acme.Execution;

/// <summary>Which command runs the executor.</summary>
public enum RebuildMode
{
    /// <summary><c>configlang rebuild</c>: every step of the plan.</summary>
    Rebuild,
    /// <summary><c>configlang renew</c> (the timer): only issue and renew steps that are due now.</summary>
    Renew,
}
