namespace ConfigLang.Acme.Planning;

/// <summary>How serious a <see cref="PlanIssue"/> is; errors stop a rebuild before anything is touched.</summary>
public enum PlanIssueSeverity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,
    /// <summary>Probably not what was meant, or a state that needs attention.</summary>
    Warning,
    /// <summary>The plan cannot be carried out as configured.</summary>
    Error,
}
