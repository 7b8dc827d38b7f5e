namespace ConfigLang.Acme.Planning;

/// <summary>
/// The certificate plan: one <see cref="PlanStep"/> per wanted certificate, sorted by name
/// (ordinal), plus the <see cref="Issues"/> found while planning. Made at <see cref="Now"/>.
/// </summary>
public sealed record Plan(DateTimeOffset Now, IReadOnlyList<PlanStep> Steps, IReadOnlyList<PlanIssue> Issues)
{
    /// <summary>True when an issue is an error; the executor must not run such a plan.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == PlanIssueSeverity.Error);

    /// <summary>The steps that contact the CA.</summary>
    public IEnumerable<PlanStep> Orders => Steps.Where(s => s.Action.NeedsOrder());

    /// <summary>The step for a certificate name, or null.</summary>
    public PlanStep? Find(string name) => Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
