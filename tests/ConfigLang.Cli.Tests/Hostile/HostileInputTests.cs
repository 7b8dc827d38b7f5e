using ConfigLang.Cli.Tests.Fuzzing;
using ConfigLang.Fuzz;
using static ConfigLang.Cli.Tests.Hostile.HostileInput;

namespace ConfigLang.Cli.Tests.Hostile;

/// <summary>
/// The reproducers of issue 13's parsing and limits findings, each run through the built CLI
/// as a subprocess: the sizes the issue measured, the commands it named, and what must happen
/// now (a result or a located error, in bounded time, memory and output).
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly (string, int[])[] ParseEvalLint = [("eval --parse", [0, 1]), ("eval", [0, 1]), ("lint", [0, 1])];

    /// <summary>A watchdog, not a speed target (tests/bench/parse-hostile.sh measures that): these
    /// took 4-62 s of processor time when parsing was quadratic; linear, they take well under one.</summary>
    private static readonly TimeSpan ParseTime = TimeSpan.FromSeconds(10);

    /// <summary>Evaluation limits: room to reach the memory limit and stop cleanly.</summary>
    private static readonly TimeSpan LimitTime = TimeSpan.FromSeconds(10);

    /// <summary>The CLI's own limit is half of this (512 MiB, through CONFIGLANG_MAX_MEMORY); the watchdog kills at 1 GiB.</summary>
    private const long MemoryBytes = 1L << 30;

    /// <summary>Diagnostics are capped per file: a few of them, with excerpts cut to a window, fit in far less.</summary>
    private const long StderrBytes = 1L << 20;

    private static readonly Dictionary<string, HostileInput> Inputs = new()
    {
        // Quadratic parsing (64 KB: 11 s; {a=1;} and 40,000 .a: 17 s; 20,000-part paths: 5-7 s; 40,000 formals: 3.8 s).
        ["64 KB of unary minus, then 1"] = new(Repeat("-", 65_536) + "1", ParseTime, ParseEvalLint),
        ["{a=1;} then 40,000 .a"] = new("{a=1;}" + Repeat(".a", 40_000), ParseTime,
            [("eval --parse", [0, 1]), ("eval", [1]), ("lint", [1])]),
        ["a 20,000-part attribute path"] = new("{ a" + Repeat(".a", 19_999) + " = 1; }", ParseTime, ParseEvalLint),
        ["a 20,000-part ? path"] = new("{ } ? a" + Repeat(".a", 19_999), ParseTime, ParseEvalLint),
        ["a 20,000-part select with or"] = new("let x = { }; in x.a" + Repeat(".a", 19_999) + " or 1", ParseTime, ParseEvalLint),
        ["40,000 formals"] = new("{ " + string.Join(", ", Enumerable.Range(0, 40_000).Select(i => $"a{i}")) + " }: 1", ParseTime,
            [("eval --parse", [0]), ("eval", [0]), ("lint", [0, 1])]),
        // SIGSEGV (exit 139) in eval --parse; eval printed 1.
        ["'{}.a or ' 87,500 times, then 1"] = new(Repeat("{}.a or ", 87_500) + "1", ParseTime, ParseEvalLint),
        // Unbounded diagnostics: 14 s, 4.2 GB and 1 GB of stderr; 20,000 /* gave 46 MB.
        ["{ a=1; x 10,000 }"] = new("{" + Repeat("a=1;", 10_000) + "}", ParseTime,
            [("eval --parse", [0, 1]), ("eval", [1]), ("lint", [1])]),
        ["20,000 /*"] = new(Repeat("/*", 20_000), ParseTime, [("eval --parse", [1]), ("eval", [1]), ("lint", [1])]),
        // No evaluation limits: 4 GB and more, an OutOfMemoryException, 60 s of backtracking, internal errors.
        ["genList of 100,000,000"] = new("builtins.genList (x: x) 100000000", LimitTime,
            [("eval --strict", [1]), ("lint", [1])], StderrMentions: "memory"),
        ["a string doubled 40 times"] = new(
            "let f = s: n: if n == 0 then s else f (s + s) (n - 1); in builtins.stringLength (f \"x\" 40)", LimitTime,
            [("eval --strict", [1])], StderrMentions: "memory"),
        ["match (a*)*b on 38 a and a c"] = new($"builtins.match \"(a*)*b\" \"{Repeat("a", 38)}c\"", ParseTime,
            [("eval --strict", [0])], StdoutStartsWith: "null"),
        ["split (a*)*b on 38 a and a c"] = new($"builtins.split \"(a*)*b\" \"{Repeat("a", 38)}c\"", ParseTime,
            [("eval --strict", [0])], StdoutStartsWith: $"[ \"{Repeat("a", 38)}c\" ]"),
        ["genList of the largest integer"] = new("builtins.genList (x: x) 9223372036854775807", LimitTime,
            [("eval --strict", [1])]),
        ["--xml of a 50,000-deep value"] = new("builtins.foldl' (inner: _: [ inner ]) 0 (builtins.genList (x: x) 50000)", LimitTime,
            [("eval --strict --xml", [0, 1]), ("eval --strict --json", [0, 1]), ("eval --strict", [0, 1])]),
        ["a NUL in an environmentFile"] = new("""
            { ... }: {
              security.acme = {
                acceptTerms = true;
                defaults.email = "admin@example.org";
                certs."example.org" = {
                  dnsProvider = "cloudflare";
                  environmentFile = builtins.fromJSON "\"/run/secrets/cloudflare\\u0000.env\"";
                };
              };
            }
            """, LimitTime, [("lint", [1])], StderrMentions: "cannot be represented as Nix string because it contains null bytes"),
        // Found by the fuzzer (tests/ConfigLang.Fuzz), of the same kinds: superlinear regex compilation
        // (64,000 '{ }': over 10 s; 32,000: 3.7 s) and one error per token costing time quadratic in the line
        // even where only the first is shown (20,000 out-of-range integers: 16 s).
        ["a regex of 64,000 '{ }'"] = new(
            "builtins.match (builtins.concatStringsSep \"\" (builtins.genList (_: \"{ }\") 64000)) \"\"", ParseTime,
            [("eval --strict", [0, 1])]),
        ["20,000 out-of-range integers in one line"] = new("1" + Repeat("-9223372036854775808", 20_000), ParseTime,
            [("eval --parse", [1]), ("eval", [1]), ("lint", [1])]),
    };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("configlang-hostile-");

    public static TheoryData<string> Names => new(Inputs.Keys);

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_hostile_input_ends_in_a_result_or_a_located_error_within_its_limits(string name)
    {
        var input = Inputs[name];
        var file = Path.Combine(_folder.FullName, "hostile.nix");
        File.WriteAllText(file, input.Content);
        var cli = new LimitedCliProcess(FuzzCli.Path, new ProcessLimits(input.CpuTime, TimeSpan.FromSeconds(60), MemoryBytes, StderrBytes));

        foreach (var (command, exitCodes) in input.Commands)
        {
            var outcome = cli.Run([.. command.Split(' '), file], _folder.FullName);

            var failure = Failure.Of(outcome, command);
            var seen = $"'{command}' on {name}: exit {outcome.ExitCode}, {outcome.CpuTime.TotalSeconds:F1} s, " +
                $"{outcome.PeakResidentBytes >> 20} MiB, stderr {outcome.StderrBytes} bytes: {outcome.StderrHead[..Math.Min(400, outcome.StderrHead.Length)]}";
            Assert.True(failure is null, $"{failure?.Kind}: {failure?.Detail}; {seen}");
            Assert.True(exitCodes.Contains(outcome.ExitCode), $"expected exit {string.Join(" or ", exitCodes)}; {seen}");
            if (outcome.ExitCode == 0 && input.StdoutStartsWith is { } stdout)
            {
                Assert.StartsWith(stdout, outcome.StdoutHead, StringComparison.Ordinal);
            }
            if (outcome.ExitCode == 1 && input.StderrMentions is { } mention)
            {
                Assert.Contains(mention, outcome.StderrHead, StringComparison.OrdinalIgnoreCase);
            }
            else if (outcome.ExitCode == 1)
            {
                Assert.Matches(@":\d+:\d+", outcome.StderrHead); // a located error: FILE:LINE:COLUMN
            }
        }
    }
}
