using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Text;
using ConfigLang.Host;
using ConfigLang.Modules.Options;

namespace ConfigLang.Cli.Tests.Adapters;

/// <summary>
/// A locator for hand-made facts: every option is "defined" in a one-line file holding its own
/// path, so a test reads back which option a check pointed at (<see cref="OptionAt"/>).
/// </summary>
internal sealed class PathEchoLocator : IOptionLocator
{
    public SourceLocation? Locate(IReadOnlyList<string> path) => At(path);

    public SourceLocation? DefinedAt(IReadOnlyList<string> path) => At(path);

    public IEnumerable<IReadOnlyList<string>> Instances(IReadOnlyList<string> path) => [path];

    private static SourceLocation At(IReadOnlyList<string> path)
    {
        var text = OptionPath.Show(path);
        return new SourceLocation(new SourceText(text, "/hosts/web.nix"), new TextSpan(0, text.Length));
    }

    /// <summary>The option a finding points at.</summary>
    public static string OptionAt(Diagnostic diagnostic) => diagnostic.Location!.Value.Source.Text;
}
