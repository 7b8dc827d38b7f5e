using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>A failed selection's frame names its whole path, computing its computed names again, as Nix 2.8 does:
/// at once, so a trace in a name prints again even when tryEval catches the failure.</summary>
public sealed class SelectionFramePathTests
{
    private const string FailingInComputedName = "let s = { b = { c = throw \"x\"; }; }; in s.b.${builtins.trace \"hi\" \"c\"}";

    [Fact]
    public void A_trace_in_a_computed_name_prints_again_when_tryEval_catches_the_failure_as_in_Nix_2_8()
    {
        var result = Evaluate.Run($"builtins.tryEval ({FailingInComputedName})");

        Assert.Equal("{ success = false; value = false; }\n", result.Stdout);
        Assert.Equal("trace: hi\ntrace: hi\n", result.Stderr);
    }

    [Theory]
    [InlineData(FailingInComputedName, "while evaluating the attribute 'b.c'")]
    [InlineData("let k = \"b\"; s = { b = { c = 1; }; }; in s.b.${k}.${throw \"y\"}", "while evaluating the attribute 'b.b.\"${(throw \"y\")}\"'")]
    public void Without_a_trace_writer_the_path_is_written_as_eval_writes_it(string program, string frame)
    {
        var options = new EvaluatorOptions { CurrentDirectory = Path.GetTempPath(), EnvironmentVariables = new Dictionary<string, string>() };
        var failure = new ConfigEvaluator(options).Run(interpreter =>
        {
            var e = Assert.Throws<EvaluationException>(() => interpreter.ForceDeep(interpreter.Evaluate(new SourceText(program, "«string»"), Path.GetTempPath())));
            return e.Trace.Single(f => f.Nix == NixTraceFrame.OnlyInNix);
        });

        Assert.Equal(frame, failure.Message);
    }
}
