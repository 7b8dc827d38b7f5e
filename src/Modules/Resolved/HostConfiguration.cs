using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;

namespace ConfigLang.Modules.Resolved;

/// <summary>
/// The resolved configuration of one host (its module with the built-in option library), read
/// as values with their provenance: <c>Get("security.acme.certs")</c>, then into each
/// certificate's options. Valid inside <see cref="HostEvaluator.Evaluate{T}"/> only.
/// </summary>
public sealed class HostConfiguration
{
    internal HostConfiguration(Interpreter interpreter, string hostFile, AttrSetValue config)
    {
        HostFile = hostFile;
        // Without recorded origins the values are still read, as plain sets, with no origins.
        Root = new ConfiguredValue(interpreter, config, ConfigurationOrigins.Find(config)?.Root);
        Interpreter = interpreter;
    }

    /// <summary>The host's module file (absolute).</summary>
    public string HostFile { get; }

    /// <summary>The top of <c>config</c>.</summary>
    public ConfiguredValue Root { get; }

    internal Interpreter Interpreter { get; }

    /// <summary>The folders the evaluation could read (<see cref="Interpreter.ReadablePaths"/>); null when unrestricted.</summary>
    public PathAccessPolicy? ReadablePaths => Interpreter.ReadablePaths;

    /// <summary>The value at a dotted option path (<c>security.acme."certs"</c>); an error when it does not exist.</summary>
    public ConfiguredValue Get(string optionPath) =>
        Find(optionPath) ?? throw Nix.Throw($"The option `{optionPath}' does not exist");

    /// <summary>The value at a dotted option path, or null when it does not exist.</summary>
    public ConfiguredValue? Find(string optionPath) => Root.Find(ConfigurationQuery.SplitPath(optionPath));
}
