using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Modules.Diagnostics;

namespace ConfigLang.Host.Checks;

/// <summary>
/// <c>useACMEHost</c> refers to a certificate by name; a misspelt name silently declares a new
/// certificate with no challenge. Reports the name with the closest configured certificates.
/// </summary>
public sealed class UnknownAcmeHostCheck : IHostCheck
{
    public IEnumerable<Diagnostic> Check(HostFacts facts)
    {
        var configured = facts.Certs.Where(c => c.HasChallenge).Select(c => c.Name).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var consumer in facts.Consumers)
        {
            if (consumer.Option is not { } option || !option.EndsWith("useACMEHost", StringComparison.Ordinal)) continue;
            if (configured.Contains(consumer.Cert, StringComparer.Ordinal) || !seen.Add(consumer.Cert)) continue;
            var diagnostic = Diagnostic.Error(LintCodes.UnknownAcmeHost,
                $"`{option}' names the certificate \"{consumer.Cert}\", which no module configures",
                facts.Locate(option)) with { Subject = option };
            var suggestions = OptionSuggester.Suggest(consumer.Cert, configured);
            if (suggestions.Count > 0) diagnostic = diagnostic.WithNote($"did you mean \"{suggestions[0]}\"?");
            yield return diagnostic;
        }
    }
}
