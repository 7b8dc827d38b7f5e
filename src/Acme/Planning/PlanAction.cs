namespace ConfigLang.Acme.Planning;

/// <summary>What the executor does for one certificate.</summary>
public enum PlanAction
{
    /// <summary>Leave the certificate alone.</summary>
    Keep,
    /// <summary>Renew it: it is inside its renewal window.</summary>
    Renew,
    /// <summary>Order a new certificate: domains, key type, account or order settings changed.</summary>
    Reissue,
    /// <summary>Order a first certificate: nothing usable on disk (or only the placeholder).</summary>
    Issue,
}
