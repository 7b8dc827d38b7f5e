namespace ConfigLang.Acme.Cluster;

/// <summary>
/// The cluster cannot be used: no member reachable (the message names the endpoints), the
/// encryption key missing, malformed or wrong (names the file), a lock lost. The message is a
/// sentence for the user and never holds a secret.
/// </summary>
public sealed class ClusterException(string message, Exception? inner = null) : Exception(message, inner);
