namespace ConfigLang.Fuzz;

/// <summary>
/// One fuzzing run: inputs <c>0..Count-1</c> of <paramref name="Seed"/>, stopped early when
/// <paramref name="Budget"/> of wall time has passed (inputs already started finish).
/// </summary>
public sealed record FuzzSettings(long Seed, int Count, TimeSpan Budget, int Jobs, string ReproducerDirectory)
{
    public static string DefaultReproducerDirectory(long seed) =>
        Path.Combine(Path.GetTempPath(), $"configlang-fuzz-{seed}-{Environment.ProcessId}");
}
