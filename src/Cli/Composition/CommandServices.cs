using ConfigLang.Acme.Cluster;
using ConfigLang.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Composition;

/// <summary>Registers every sub-command; the order here is the order of <c>--help</c>.</summary>
public static class CommandServices
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        // rebuild, renew and preview reach a host's etcd cluster (security.acme.cluster) through it.
        services.AddSingleton<ICertificateClusterFactory, EtcdCertificateClusterFactory>();
        services.AddSingleton<ICliCommand, EvalCommand>();
        services.AddSingleton<ICliCommand, ShowCommand>();
        services.AddSingleton<ICliCommand, OptionsCommand>();
        services.AddSingleton<ICliCommand, LintCommand>();
        services.AddSingleton<ICliCommand, PreviewCommand>();
        services.AddSingleton<ICliCommand, RebuildCommand>();
        services.AddSingleton<ICliCommand, RenewCommand>();
        return services;
    }
}
