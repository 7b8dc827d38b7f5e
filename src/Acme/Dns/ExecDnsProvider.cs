using System.Diagnostics;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>exec</c>: runs EXEC_PATH as <c>PROGRAM present|cleanup FQDN VALUE</c> (FQDN with
/// trailing dot), or with EXEC_MODE=RAW as <c>PROGRAM present|cleanup -- DOMAIN TOKEN KEY_AUTH</c>.
/// The program gets the credential variables in its environment; a non-zero exit is an error
/// that carries its (redacted) output. A program (or a child holding its output open) still
/// running after the timeout (EXEC_SEQUENCE_TIMEOUT, else the network timeout) is killed.
/// </summary>
public sealed class ExecDnsProvider : IDnsProvider
{
    public const string ProviderName = "exec";

    public static DnsProviderVariables Variables { get; } = new(
    [
        new("EXEC_PATH", "program run as PROGRAM present|cleanup FQDN VALUE"),
        new("EXEC_MODE", "RAW: pass DOMAIN TOKEN KEY_AUTH instead"),
        new("EXEC_PROPAGATION_TIMEOUT", "seconds to wait for the record to be visible") { Kind = DnsVariableKind.Seconds },
        new("EXEC_SEQUENCE_TIMEOUT", "seconds one run of the program may take") { Kind = DnsVariableKind.Seconds },
    ],
    Required: [["EXEC_PATH"]]);
    private readonly ProviderCredentials _credentials;
    private readonly string _program;
    private readonly bool _raw;
    private readonly TimeSpan _timeout;

    /// <param name="timeout">How long one run may take unless EXEC_SEQUENCE_TIMEOUT says otherwise (default <see cref="Protocol.NetworkTimeout.Default"/>).</param>
    public ExecDnsProvider(ProviderCredentials credentials, TimeSpan? timeout = null)
    {
        _credentials = credentials;
        _program = credentials.Require(ProviderName, "EXEC_PATH");
        _raw = string.Equals(credentials.Get("EXEC_MODE"), "RAW", StringComparison.OrdinalIgnoreCase);
        _timeout = credentials.GetSeconds("EXEC_SEQUENCE_TIMEOUT") ?? timeout ?? Protocol.NetworkTimeout.Default;
        PropagationTimeout = credentials.GetSeconds("EXEC_PROPAGATION_TIMEOUT");
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) => RunAsync("present", challenge, cancellationToken);

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => RunAsync("cleanup", challenge, cancellationToken);

    private async Task RunAsync(string action, ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { action };
        if (_raw) arguments.AddRange(["--", challenge.Domain, challenge.Token, challenge.KeyAuthorization]);
        else arguments.AddRange([challenge.DnsRecordName, challenge.DnsTxtValue]);
        using var process = new Process();
        try
        {
            // Resolved before the Process takes the start info: nothing changes it after.
            var start = Storage.ProgramPath.StartInfo(_program, arguments);
            foreach (var (name, value) in _credentials.All) start.Environment[name] = value;
            process.StartInfo = start;
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new DnsProviderException(ProviderName, $"cannot run EXEC_PATH '{_program}': {e.Message}");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        string output;
        try
        {
            // The output too: a background child keeping the pipes open must not hold the run.
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            output = (await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false)).Trim();
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had exited; a child of it still held the output.
            }
            cancellationToken.ThrowIfCancellationRequested();
            throw new DnsProviderException(ProviderName, $"'{_program} {action}' for {challenge.DnsRecordName} did not finish within {Protocol.NetworkTimeout.Format(_timeout)} (killed)");
        }
        if (process.ExitCode != 0)
        {
            var tail = RedactedExcerpt.Tail(_credentials.Redactor, output, 2000);
            throw new DnsProviderException(ProviderName, _credentials.Redactor.Redact(
                $"'{_program} {action}' for {challenge.DnsRecordName} exited with {process.ExitCode}" + (tail.Length > 0 ? ": " + tail : "")));
        }
    }
}
