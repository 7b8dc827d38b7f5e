namespace ConfigLang.Acme.Execution;

/// <summary>
/// Runs a command of the user's with the unit names as arguments (<c>exec:COMMAND</c>). The
/// command is split on whitespace (no shell), so <c>exec:/usr/local/bin/reload --quiet</c> works.
/// </summary>
public sealed class ExecServiceManager : IServiceManager
{
    private readonly string _program;
    private readonly string[] _arguments;

    /// <summary>A manager running <paramref name="command"/> (program and leading arguments).</summary>
    public ExecServiceManager(string command)
    {
        var words = command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) throw new ArgumentException("exec: needs a command", nameof(command));
        _program = words[0];
        _arguments = words[1..];
    }

    /// <inheritdoc/>
    public string Description => "exec:" + string.Join(' ', [_program, .. _arguments]);

    /// <inheritdoc/>
    public Task ReloadAsync(IReadOnlyList<string> units, CancellationToken cancellationToken)
    {
        if (units.Count == 0) return Task.CompletedTask;
        return ProcessRunner.RunCheckedAsync(_program, [.. _arguments, .. units], null, cancellationToken);
    }
}
