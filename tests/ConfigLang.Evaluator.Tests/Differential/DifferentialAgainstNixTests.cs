using System.Globalization;
using System.Text;
using ConfigLang.Evaluator.Tests.Runtime;
using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Differential;

/// <summary>
/// Random programs evaluated by ConfigLang (in-process, as <c>configlang eval --strict</c>) and
/// by Nix 2.8's <c>nix-instantiate --eval --strict</c>; any difference fails with the program.
/// Every run takes seed 18 and 1,000 programs, in batches of 50 (one list per nix-instantiate
/// process); tests/fuzz/differential.sh runs longer with CONFIGLANG_DIFF_SEED and
/// CONFIGLANG_DIFF_PROGRAMS.
/// </summary>
public sealed class DifferentialAgainstNixTests
{
    private const int BatchSize = 50;

    [NixInstantiateFact]
    public void Random_programs_evaluate_as_Nix_evaluates_them()
    {
        var seed = Setting("CONFIGLANG_DIFF_SEED", 18);
        var count = Setting("CONFIGLANG_DIFF_PROGRAMS", 1000);
        var generator = new RandomProgramGenerator(seed);
        var programs = Enumerable.Range(0, count).Select(_ => generator.Program()).ToArray();
        var directory = Directory.CreateTempSubdirectory("configlang-differential-");
        try
        {
            var disagreements = new List<string>();
            for (var first = 0; first < programs.Length && disagreements.Count < 5; first += BatchSize)
            {
                var batch = programs.Skip(first).Take(BatchSize).ToArray();
                var list = AsList(batch);
                var nixBatch = Nix(directory.FullName, list);
                if (!nixBatch.StartsWith("error: ", StringComparison.Ordinal) && nixBatch == Ours(list)) continue;
                // The batch differs or Nix rejects it (a generator bug: programs must evaluate):
                // find the programs concerned, one process each.
                for (var i = 0; i < batch.Length && disagreements.Count < 5; i++)
                {
                    var nix = Nix(directory.FullName, batch[i]);
                    var ours = Ours(batch[i]);
                    if (nix != ours || nix.StartsWith("error: ", StringComparison.Ordinal)) disagreements.Add($"program {first + i} of seed {seed}:\n{batch[i]}\nnix-instantiate: {Shown(nix)}\nconfiglang:      {Shown(ours)}");
                }
            }
            Assert.True(disagreements.Count == 0, string.Join("\n\n", disagreements));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_generator_is_deterministic_for_a_seed()
    {
        var first = new RandomProgramGenerator(7);
        var second = new RandomProgramGenerator(7);
        for (var i = 0; i < 20; i++) Assert.Equal(first.Program(), second.Program());
    }

    [Fact]
    public void Generated_programs_evaluate_without_errors()
    {
        var generator = new RandomProgramGenerator(3);
        for (var i = 0; i < 100; i++)
        {
            var program = generator.Program();
            var result = Evaluate.Run(program);
            Assert.True(result.Succeeded, $"{program}\n{result.Stderr}");
        }
    }

    internal static string AsList(IEnumerable<string> programs)
    {
        var text = new StringBuilder("[\n");
        foreach (var program in programs) text.Append('(').Append(program).Append(")\n");
        return text.Append("]\n").ToString();
    }

    /// <summary>The output's bytes, one char each (strings need not be UTF-8, and two different bytes
    /// must not compare equal as U+FFFD), or the error.</summary>
    internal static string Ours(string program)
    {
        var result = Evaluate.Run(program);
        return result.Succeeded ? Encoding.Latin1.GetString(result.StdoutBytes).TrimEnd('\n') : "error: " + FirstLine(result.Stderr);
    }

    internal static string Nix(string directory, string program)
    {
        var file = Path.Combine(directory, "program.nix");
        File.WriteAllText(file, program);
        var result = NixInstantiate.EvalStrict(file, TimeSpan.FromSeconds(60), Encoding.Latin1);
        return result.ExitCode == 0 ? result.Stdout.TrimEnd('\n') : "error: " + FirstLine(result.Stderr);
    }

    /// <summary>Output bytes (one per char) as UTF-8 text, with the bytes that are not UTF-8 shown as \\xNN.</summary>
    internal static string Shown(string bytes)
    {
        var raw = Encoding.Latin1.GetBytes(bytes);
        var shown = new StringBuilder();
        for (var i = 0; i < raw.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(raw.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done) shown.Append(rune.ToString());
            else shown.Append(CultureInfo.InvariantCulture, $"\\x{raw[i]:X2}");
            i += Math.Max(used, 1);
        }
        return shown.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Replace("error: ", "");

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
