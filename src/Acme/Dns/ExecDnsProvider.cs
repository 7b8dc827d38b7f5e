using System.Diagnostics;
using ConfigLang.Acme.Challenges;
using ConfigLang.Acme.Credentials;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// lego's <c>exec</c>: runs EXEC_PATH as <c>PROGRAM present|cleanup FQDN VALUE</c> (FQDN with
/// trailing dot), or with EXEC_MODE=RAW as <c>PROGRAM present|cleanup -- DOMAIN TOKEN KEY_AUTH</c>.
/// The program gets the credential variables in its environment; a non-zero exit is an error
/// that carries its (redacted) output.
/// </summary>
public sealed class ExecDnsProvider : IDnsProvider
{
    public const string ProviderName = "exec";
    private readonly ProviderCredentials _credentials;
    private readonly string _program;
    private readonly bool _raw;
    private readonly TimeSpan _timeout;

    public ExecDnsProvider(ProviderCredentials credentials)
    {
        _credentials = credentials;
        _program = credentials.Require(ProviderName, "EXEC_PATH");
        _raw = string.Equals(credentials.Get("EXEC_MODE"), "RAW", StringComparison.OrdinalIgnoreCase);
        _timeout = credentials.GetSeconds("EXEC_SEQUENCE_TIMEOUT") ?? TimeSpan.FromMinutes(2);
        PropagationTimeout = credentials.GetSeconds("EXEC_PROPAGATION_TIMEOUT");
    }

    public string Name => ProviderName;

    public TimeSpan? PropagationTimeout { get; }

    public Task PresentAsync(ChallengeTask challenge, CancellationToken cancellationToken) => RunAsync("present", challenge, cancellationToken);

    public Task CleanupAsync(ChallengeTask challenge, CancellationToken cancellationToken) => RunAsync("cleanup", challenge, cancellationToken);

    private async Task RunAsync(string action, ChallengeTask challenge, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(action);
        if (_raw)
        {
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(challenge.Domain);
            start.ArgumentList.Add(challenge.Token);
            start.ArgumentList.Add(challenge.KeyAuthorization);
        }
        else
        {
            start.ArgumentList.Add(challenge.DnsRecordName);
            start.ArgumentList.Add(challenge.DnsTxtValue);
        }
        foreach (var (name, value) in _credentials.All) start.Environment[name] = value;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new DnsProviderException(ProviderName, $"cannot run EXEC_PATH '{_program}': {e.Message}");
        }
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new DnsProviderException(ProviderName, $"'{_program} {action}' for {challenge.DnsRecordName} did not finish within {_timeout.TotalSeconds:0} s");
        }
        var output = (await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            var tail = output.Length > 2000 ? output[^2000..] : output;
            throw new DnsProviderException(ProviderName, _credentials.Redactor.Redact(
                $"'{_program} {action}' for {challenge.DnsRecordName} exited with {process.ExitCode}" + (tail.Length > 0 ? ": " + tail : "")));
        }
    }
}
