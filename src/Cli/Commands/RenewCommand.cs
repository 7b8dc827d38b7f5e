using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Execution;
using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Rendering;

namespace ConfigLang.Cli.Commands;

/// <summary><c>configlang renew CONFIG …</c>: only the certificate work that is due (configuration changes wait for rebuild).</summary>
public sealed class RenewCommand(CliConsole console, HostRequestLoader loader, ICertificateClusterFactory clusters) : CertificateWorkCommand(console, loader, clusters)
{
    protected override string Name => "renew";
    protected override string Description => "Only the certificate work that is due (what a daily timer runs).";
    protected override RebuildMode Mode => RebuildMode.Renew;
}
