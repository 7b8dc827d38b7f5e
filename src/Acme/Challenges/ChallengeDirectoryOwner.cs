using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Challenges;

/// <summary>Who owns a webroot's <c>.well-known/acme-challenge</c>: the certificate's owner and group, resolved under the root.</summary>
public sealed record ChallengeDirectoryOwner(FileOwnership Ownership, string User, string Group);
