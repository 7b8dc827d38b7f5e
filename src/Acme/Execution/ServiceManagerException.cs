namespace ConfigLang.Acme.Execution;

/// <summary>A reload command failed or could not be started.</summary>
public sealed class ServiceManagerException(string message) : Exception(message);
