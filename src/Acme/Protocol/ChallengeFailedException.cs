using ConfigLang.Acme.Protocol.Resources;

namespace ConfigLang.Acme.Protocol;

/// <summary>The server could not validate a name: says which name, which challenge, and why.</summary>
public sealed class ChallengeFailedException : AcmeException
{
    public ChallengeFailedException(string identifier, string challengeType, AcmeProblem? problem)
        : base($"validation of '{identifier}' with {challengeType} failed: "
            + (problem is null ? "authorization is invalid" : AcmeProblemException.Describe(problem)))
    {
        Identifier = identifier;
        ChallengeType = challengeType;
        Problem = problem;
    }

    public string Identifier { get; }

    public string ChallengeType { get; }

    public AcmeProblem? Problem { get; }
}
