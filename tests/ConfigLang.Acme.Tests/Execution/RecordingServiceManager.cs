using ConfigLang.Acme.Storage;
namespace ConfigLang.Acme.Tests.Execution;

/// <summary>
/// An <c>exec:</c> service manager backed by a real script that appends its arguments to a log,
/// so tests observe reloads exactly as a user's command would receive them.
/// </summary>
internal sealed class RecordingServiceManager
{
    public RecordingServiceManager(string directory, string extraScript = "")
    {
        Log = Path.Combine(directory, "reloads.log");
        Script = Path.Combine(directory, "reload.sh");
        File.WriteAllText(Script, $"#!/bin/bash\necho \"$*\" >> '{Log}'\n{extraScript}\n");
        UnixModes.Set(Script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Manager = Acme.Execution.ServiceManagers.Parse("exec:" + Script);
    }

    public string Log { get; }

    public string Script { get; }

    public Acme.Execution.IServiceManager Manager { get; }

    public IReadOnlyList<string> Calls => File.Exists(Log) ? File.ReadAllLines(Log) : [];
}
