using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Options;

namespace ConfigLang.Cli.Adapters;

/// <summary>
/// Evaluates a Nix expression over a host configuration merged with the built-in option
/// library: the expression sees <c>lib</c>, <c>eval</c> (the evalModules result) and <c>cfg</c>
/// (its config); the result is printed strictly as JSON.
/// </summary>
public static class HostEvaluation
{
    public static EvaluationResult Evaluate(ConfigEvaluator evaluator, string hostPath, string body) =>
        evaluator.Evaluate(new EvaluationRequest
        {
            Expression =
                "let lib = import <configlang/lib>; " +
                $"eval = lib.evalModules {{ modules = [ (/. + {OptionPath.QuoteString(hostPath)}) ] ++ lib.configlang.builtinModules; }}; " +
                $"cfg = eval.config; in {body}",
            Strict = true,
            Output = EvaluationOutput.Json,
        });

    /// <summary>An evaluator for host configurations: the options with the library and module builtins added.</summary>
    public static ConfigEvaluator CreateEvaluator(EvaluatorOptions options) => new(ConfigurationQuery.WithModules(options));
}
