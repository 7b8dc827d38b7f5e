namespace ConfigLang.Acme.Client;

/// <summary>Steps of an order, in the order they happen.</summary>
public enum OrderStage
{
    Started,
    OrderCreated,
    /// <summary>The server already holds a valid authorization for the name; nothing to solve.</summary>
    AuthorizationReused,
    ChallengePresented,
    ChallengeSubmitted,
    ChallengeValid,
    ChallengeCleanedUp,
    Finalizing,
    Downloading,
    Completed,
    Failed,
}

/// <summary>A progress event a CLI can show: which certificate, which step, which name, and a short detail.</summary>
public sealed record OrderProgress(string Certificate, OrderStage Stage, string? Identifier = null, string? Detail = null)
{
    public override string ToString() =>
        $"{Certificate}: {Stage}{(Identifier is null ? "" : " " + Identifier)}{(Detail is null ? "" : ": " + Detail)}";
}
