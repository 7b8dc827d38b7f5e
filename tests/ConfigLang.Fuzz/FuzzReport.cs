using System.Text;

namespace ConfigLang.Fuzz;

/// <summary>What a run did: how many inputs and CLI runs, the findings, and one line per distinct failure class.</summary>
public sealed record FuzzReport(FuzzSettings Settings, int Inputs, int Runs, TimeSpan Elapsed, IReadOnlyList<Finding> Findings)
{
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"fuzz: seed {Settings.Seed}: {Inputs} of {Settings.Count} inputs, {Runs} CLI runs in {Elapsed.TotalSeconds:F0} s, {Findings.Count} failures");
        foreach (var group in Findings.GroupBy(finding => finding.Failure.Signature).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var smallest = group.MinBy(finding => finding.Mutant.Content.Length)!;
            text.AppendLine($"  {group.Count()}x {group.Key}");
            text.AppendLine($"      smallest: {smallest.ReproducerPath} ({smallest.Mutant.Content.Length} bytes, input {smallest.Index})");
        }
        return text.ToString();
    }
}
