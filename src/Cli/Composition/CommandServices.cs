using ConfigLang.Acme.Cluster;
using ConfigLang.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Composition;

/// <summary>Registers every sub-command under its name; <see cref="Names"/> is the order of <c>--help</c>.</summary>
public static class CommandServices
{
    /// <summary>The sub-commands' names, each the key its <see cref="ICliCommand"/> is registered under.</summary>
    public static IReadOnlyList<string> Names { get; } = ["eval", "show", "options", "lint", "preview", "rebuild", "renew"];

    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        // rebuild, renew and preview reach a host's etcd cluster (security.acme.cluster) through it.
        services.AddSingleton<ICertificateClusterFactory, EtcdCertificateClusterFactory>();
        // Keyed, so that a run of one command creates that command and its dependencies only (eval
        // does not build the linter's checks nor the ACME commands).
        services.AddKeyedSingleton<ICliCommand, EvalCommand>("eval");
        services.AddKeyedSingleton<ICliCommand, ShowCommand>("show");
        services.AddKeyedSingleton<ICliCommand, OptionsCommand>("options");
        services.AddKeyedSingleton<ICliCommand, LintCommand>("lint");
        services.AddKeyedSingleton<ICliCommand, PreviewCommand>("preview");
        services.AddKeyedSingleton<ICliCommand, RebuildCommand>("rebuild");
        services.AddKeyedSingleton<ICliCommand, RenewCommand>("renew");
        return services;
    }
}
