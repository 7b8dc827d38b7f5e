using Microsoft.Extensions.DependencyInjection;

namespace ConfigLang.Cli.Composition;

/// <summary>The language layer's services (parser and evaluator façade).</summary>
public static class EvaluatorServices
{
    public static IServiceCollection AddEvaluatorServices(this IServiceCollection services)
    {
        return services;
    }
}
