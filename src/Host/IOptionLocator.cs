using ConfigLang.Evaluator.Text;

namespace ConfigLang.Host;

/// <summary>Finds the user's definition that decides an option, for pointing a finding at it.</summary>
public interface IOptionLocator
{
    /// <summary>Where the user defines the option at <paramref name="path"/> (or what encloses it); null when nothing is known.</summary>
    SourceLocation? Locate(IReadOnlyList<string> path);

    /// <summary>Where the user defines exactly this option (or the <c>defaults</c> option it inherits); null when the user does not.</summary>
    SourceLocation? DefinedAt(IReadOnlyList<string> path);

    /// <summary>The paths a documented path such as <c>services.nginx.virtualHosts.&lt;name&gt;.enableACME</c>
    /// stands for: one per attribute the configuration has where it says <c>&lt;name&gt;</c>.</summary>
    IEnumerable<IReadOnlyList<string>> Instances(IReadOnlyList<string> path);
}
