namespace ConfigLang.Acme.Credentials;

/// <summary>An environment file could not be parsed; names file, line and column, never the content.</summary>
public sealed class EnvironmentFileException : Protocol.AcmeException
{
    public EnvironmentFileException(string source, int line, int column, string reason)
        : base($"{source}:{line}:{column}: {reason}")
    {
        Source = source;
        Line = line;
        Column = column;
    }

    public new string Source { get; }

    public int Line { get; }

    public int Column { get; }
}
