using System.Globalization;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// A run of equal frames of a trace: deep recursion repeats the same call thousands of times, and
/// every command that prints a trace prints such a run once, then how many it left out.
/// </summary>
public readonly record struct TraceRun(TraceFrame Frame, int Repeats)
{
    /// <summary>The trace's frames in order, each run of equal ones as one.</summary>
    public static IEnumerable<TraceRun> Of(IReadOnlyList<TraceFrame> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var repeats = 0;
            while (i + 1 < frames.Count && frames[i + 1] == frame)
            {
                repeats++;
                i++;
            }
            yield return new TraceRun(frame, repeats);
        }
    }

    /// <summary>What is printed after a run's frame when it repeated (eval's wording, which Nix's tests expect).</summary>
    public string? Omitted => Repeats > 0 ? $"({Repeats.ToString(CultureInfo.InvariantCulture)} duplicate frames omitted)" : null;
}
