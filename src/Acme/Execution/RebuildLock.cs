namespace ConfigLang.Acme.Execution;

/// <summary>
/// The lock that keeps two rebuilds (or a rebuild and the renew timer) from running at once:
/// <c>&lt;root&gt;/run/configlang/rebuild.lock</c> held open with <see cref="FileShare.None"/>
/// (an exclusive advisory lock on Linux), released when disposed or when the process dies.
/// </summary>
public sealed class RebuildLock : IDisposable
{
    private readonly FileStream _stream;

    private RebuildLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file below <paramref name="root"/>.</summary>
    public static string PathUnder(string root) => System.IO.Path.Combine(System.IO.Path.GetFullPath(root), "run", "configlang", "rebuild.lock");

    /// <summary>Takes the lock without waiting; throws <see cref="RebuildLockedException"/> when another run holds it.</summary>
    public static RebuildLock Acquire(string root)
    {
        var path = PathUnder(root);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId + "\n");
            stream.Write(pid);
            stream.Flush();
            return new RebuildLock(stream, path);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new RebuildLockedException(path);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();
}
