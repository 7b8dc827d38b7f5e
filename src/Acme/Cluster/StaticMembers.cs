using Grpc.Net.Client.Balancer;

namespace ConfigLang.Acme.Cluster;

/// <summary>
/// What the gRPC channel asks its service provider for: the resolver of the <c>static:</c>
/// scheme, which hands out the configured members. Nothing else (no logging, default balancers),
/// so the library needs no dependency-injection container (composition is the CLI's alone).
/// </summary>
internal sealed class StaticMembers(IReadOnlyList<BalancerAddress> addresses) : IServiceProvider
{
    private readonly ResolverFactory _resolver = new StaticResolverFactory(_ => addresses);

    // The channel asks for every registered resolver factory (a sequence), as a container would hand them out.
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IEnumerable<ResolverFactory>) ? new[] { _resolver }
        : serviceType == typeof(ResolverFactory) ? _resolver
        : null;
}
