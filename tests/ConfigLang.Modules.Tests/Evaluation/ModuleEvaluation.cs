using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Modules.Evaluation;

namespace ConfigLang.Modules.Tests.Evaluation;

/// <summary>Evaluates <c>lib.evalModules</c> over module files written to a temporary folder.</summary>
internal sealed class ModuleEvaluation : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("configlang-modules-").FullName;

    public string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The JSON of <paramref name="attribute"/> of the evaluation of the named module files
    /// (with the host builtin <see cref="NulJoinBuiltin"/>).</summary>
    public EvaluationResult Evaluate(string attribute, params string[] files)
    {
        var modules = string.Join(" ", files.Select(f => $"./{f}"));
        var options = ConfigurationQuery.WithModules(new EvaluatorOptions { CurrentDirectory = _folder, BuiltinProviders = [new NulJoinBuiltin()] });
        return new ConfigEvaluator(options).Evaluate(new EvaluationRequest
        {
            Expression = $"(import <configlang/lib>).evalModules {{ modules = [ {modules} ]; }}",
            AttrPaths = [attribute],
            Output = EvaluationOutput.Json,
        });
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
