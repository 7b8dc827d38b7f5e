namespace ConfigLang.Acme.Challenges;

/// <summary>
/// HTTP-01 through an existing web server: writes the key authorization to
/// <c>WEBROOT/.well-known/acme-challenge/TOKEN</c> (world-readable, so nginx running as another
/// user can serve it) and deletes it again in cleanup.
/// </summary>
public sealed class WebrootHttp01Solver : IChallengeSolver
{
    private const UnixFileMode ReadableDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode ReadableFile =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public WebrootHttp01Solver(string webroot)
    {
        Webroot = Path.GetFullPath(webroot);
    }

    public string Webroot { get; }

    public string ChallengeType => ChallengeTypes.Http01;

    public string FileFor(ChallengeTask challenge) => Path.Combine(Webroot, ".well-known", "acme-challenge", challenge.Token);

    public async Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        ValidateToken(challenge.Token);
        var file = FileFor(challenge);
        var directory = Path.GetDirectoryName(file)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(Webroot, ".well-known"), ReadableDirectory);
            Directory.CreateDirectory(directory, ReadableDirectory);
        }
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = ReadableFile;
        await using var stream = new FileStream(file, options);
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(challenge.KeyAuthorization), cancellationToken).ConfigureAwait(false);
    }

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken)
    {
        ValidateToken(challenge.Token);
        File.Delete(FileFor(challenge));
        return Task.CompletedTask;
    }

    // Tokens are base64url; anything else could escape the challenge directory.
    private static void ValidateToken(string token)
    {
        if (token.Length == 0 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new Protocol.AcmeException("the server sent a challenge token that is not base64url");
    }
}
