namespace ConfigLang.Acme.Tests.Storage;

/// <summary>
/// A throw-away host root with an <c>etc/passwd</c> and <c>etc/group</c> that know the users the
/// store needs: acme (990), nginx (60), root (0). Deleted on dispose.
/// </summary>
internal sealed class TempRoot : IDisposable
{
    public const int AcmeUid = 990;
    public const int AcmeGid = 990;
    public const int NginxGid = 60;

    public string Path { get; } = Directory.CreateTempSubdirectory("configlang-store-").FullName;

    public TempRoot(bool withUsers = true)
    {
        if (!withUsers) return;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "etc"));
        File.WriteAllText(System.IO.Path.Combine(Path, "etc", "passwd"),
            "root:x:0:0:System administrator:/root:/bin/sh\n" +
            "nginx:x:60:60::/var/empty:/usr/sbin/nologin\n" +
            $"acme:x:{AcmeUid}:{AcmeGid}::/var/lib/acme:/usr/sbin/nologin\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "etc", "group"),
            "root:x:0:\nnginx:x:60:\n" + $"acme:x:{AcmeGid}:nginx\n");
    }

    public string File_(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
