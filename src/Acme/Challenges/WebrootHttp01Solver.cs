using ConfigLang.Acme.Storage;

namespace ConfigLang.Acme.Challenges;

/// <summary>
/// HTTP-01 through an existing web server: writes the key authorization to
/// <c>WEBROOT/.well-known/acme-challenge/TOKEN</c> (world-readable, so nginx running as another
/// user can serve it) and deletes it again in cleanup. The webroot is a host path below the
/// root, reached without following symlinks (a symlink on the way is an <see cref="UnsafePathException"/>).
/// </summary>
public sealed class WebrootHttp01Solver : IChallengeSolver
{
    private readonly RootedFileSystem _root;
    private readonly string _hostWebroot;

    /// <summary>A solver for an absolute <paramref name="webroot"/> on this machine (root <c>/</c>).</summary>
    public WebrootHttp01Solver(string webroot) : this(new RootedFileSystem("/"), Path.GetFullPath(webroot))
    {
    }

    /// <summary>
    /// A solver for the host path <paramref name="hostWebroot"/> below <paramref name="root"/>; with
    /// <paramref name="challengeOwner"/>, the <c>.well-known/acme-challenge</c> directory is given to
    /// that user and the certificate's group on every order, as NixOS's acme unit does (mkdir, chgrp).
    /// </summary>
    public WebrootHttp01Solver(RootedFileSystem root, string hostWebroot, ChallengeDirectoryOwner? challengeOwner = null)
    {
        _root = root;
        _hostWebroot = hostWebroot;
        _challengeOwner = challengeOwner;
        Webroot = root.FullPath(hostWebroot);
    }

    private readonly ChallengeDirectoryOwner? _challengeOwner;

    /// <summary>The webroot on this machine (root included).</summary>
    public string Webroot { get; }

    public string ChallengeType => ChallengeTypes.Http01;

    public string FileFor(ChallengeTask challenge) => Path.Combine(Webroot, ".well-known", "acme-challenge", challenge.Token);

    private string ChallengeDirectory => _hostWebroot.TrimEnd('/') + "/.well-known/acme-challenge";

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        ValidateToken(challenge.Token);
        using (_root.CreateDirectory(_hostWebroot.TrimEnd('/') + "/.well-known", UnixModes.PublicDirectory)) { }
        using var directory = _root.CreateDirectory(ChallengeDirectory, UnixModes.PublicDirectory);
        if (_challengeOwner is { } owner) owner.Ownership.Set(directory, owner.User, owner.Group);
        directory.Delete(challenge.Token);
        await using var stream = directory.CreateNew(challenge.Token, UnixModes.PublicFile);
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(challenge.KeyAuthorization), cancellationToken).ConfigureAwait(false);
    }

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        ValidateToken(challenge.Token);
        using var directory = _root.TryOpenDirectory(ChallengeDirectory);
        directory?.Delete(challenge.Token);
        return Task.CompletedTask;
    }

    // Tokens are base64url; anything else could escape the challenge directory.
    private static void ValidateToken(string token)
    {
        if (token.Length == 0 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new Protocol.AcmeException("the server sent a challenge token that is not base64url");
    }
}
