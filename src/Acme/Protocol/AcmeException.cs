namespace ConfigLang.Acme.Protocol;

/// <summary>Base of every failure this library reports: protocol, validation, solver or provider errors.</summary>
public class AcmeException : Exception
{
    public AcmeException(string message) : base(message) { }

    public AcmeException(string message, Exception? inner) : base(message, inner) { }
}
