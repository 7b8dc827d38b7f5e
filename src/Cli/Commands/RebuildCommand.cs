using ConfigLang.Acme.Cluster;
using ConfigLang.Acme.Execution;
using ConfigLang.Cli.Adapters;
using ConfigLang.Cli.Rendering;

namespace ConfigLang.Cli.Commands;

/// <summary><c>configlang rebuild CONFIG …</c>: apply the configuration (all certificate work, generated nginx configuration).</summary>
public sealed class RebuildCommand(CliConsole console, HostRequestLoader loader, ICertificateClusterFactory clusters) : CertificateWorkCommand(console, loader, clusters)
{
    protected override string Name => "rebuild";
    protected override string Description => "Apply the configuration: check, plan, obtain/renew and install certificates, reload services, write nginx configuration.";
    protected override RebuildMode Mode => RebuildMode.Rebuild;
}
