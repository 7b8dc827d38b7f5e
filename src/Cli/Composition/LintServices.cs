using ConfigLang.Cli.Adapters;
using ConfigLang.Host;
using ConfigLang.Host.Checks;
using ConfigLang.Host.Fleet;
using ConfigLang.Cli.Rendering.DiagnosticFormats;
using ConfigLang.Cli.Rendering.DiagnosticFormats.GitHub;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Json;
using ConfigLang.Cli.Rendering.DiagnosticFormats.Sarif;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Composition;

/// <summary>The diagnostic writers (registration order = <c>--format</c> help order), the lint checks and the linter.</summary>
public static class LintServices
{
    public static IServiceCollection AddLintServices(this IServiceCollection services)
    {
        services.AddSingleton<IDiagnosticWriter, TextDiagnosticWriter>();
        services.AddSingleton<IDiagnosticWriter, JsonDiagnosticWriter>();
        services.AddSingleton<IDiagnosticWriter, SarifDiagnosticWriter>();
        services.AddSingleton<IDiagnosticWriter, GitHubDiagnosticWriter>();
        services.AddSingleton<DiagnosticWriterRegistry>();
        services.AddSingleton<IHostCheck, KeyReadabilityCheck>();
        services.AddSingleton<IHostCheck, UnknownAcmeHostCheck>();
        services.AddSingleton<IHostCheck, CredentialsInStoreCheck>();
        // Certificate names (CL3007–CL3012).
        services.AddSingleton<IHostCheck, NameNotCoveredCheck>();
        services.AddSingleton<IHostCheck, InvalidDomainNameCheck>();
        services.AddSingleton<IHostCheck, StagingMixedWithProductionCheck>();
        services.AddSingleton<IHostCheck, TooManyNamesCheck>();
        services.AddSingleton<IHostCheck, TooManyCertificatesPerDomainCheck>();
        services.AddSingleton<IHostCheck, DuplicateCertificateCheck>();
        services.AddSingleton<IHostCheck, CredentialsReadableByOthersCheck>();
        services.AddSingleton<IHostCheck, Http01PortClosedCheck>();
        services.AddSingleton<IHostCheck, TlsAlpn01PortClosedCheck>();
        services.AddSingleton<IHostCheck, WebrootNotServedCheck>();
        services.AddSingleton<IHostCheck, CredentialFileMissingCheck>();
        services.AddSingleton(_ => ConfigLang.Acme.Dns.DnsProviderRegistry.CreateDefault());
        services.AddSingleton<IHostCheck>(sp => new DnsCredentialsMissingCheck(sp.GetRequiredService<ConfigLang.Acme.Dns.DnsProviderRegistry>()));
        services.AddSingleton<IHostCheck>(sp => new DnsVariableRefusedCheck(sp.GetRequiredService<ConfigLang.Acme.Dns.DnsProviderRegistry>()));
        // Clusters (CL3018-CL3020).
        services.AddSingleton<IHostCheck, ClusterSecretFilesCheck>();
        services.AddSingleton<IHostCheck, ChallengeInPoolCheck>();
        services.AddSingleton<HostLinter>();
        // Across the hosts of one run (CL3021-CL3023).
        services.AddSingleton<IFleetCheck, DuplicateCertificateAcrossHostsCheck>();
        services.AddSingleton<IFleetCheck, TooManyCertificatesPerDomainAcrossHostsCheck>();
        services.AddSingleton<IFleetCheck, ConflictingChallengesAcrossHostsCheck>();
        services.AddSingleton<FleetLinter>();
        services.AddSingleton<HostRequestLoader>();
        return services;
    }
}
