using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Evaluation control and errors: <c>seq</c>, <c>deepSeq</c>, <c>trace</c>, <c>throw</c>, <c>tryEval</c>, …</summary>
internal static class ControlBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("seq", 2, (_, a, _) =>
        {
            a[0].Force();
            return a[1].Force();
        });
        r.Add("deepSeq", 2, (i, a, _) =>
        {
            i.ForceDeep(a[0]);
            return a[1].Force();
        });
        r.Add("trace", 2, (i, a, _) =>
        {
            var message = a[0].Force();
            i.WriteTrace("trace: " + (message is StringValue s ? s.ToUnicode() : ValuePrinter.Print(message, "«thunk»")));
            return a[1].Force();
        });
        r.Add("warn", 2, (i, a, s) =>
        {
            var message = i.ForceString(a[0], s).ToUnicode(); // a string, but its context is allowed (newer Nix)
            i.WriteTrace(EvaluationWarning(message));
            return a[1].Force();
        });
        r.Add("throw", 1, (i, a, s) =>
        {
            var message = i.CoerceToStringValue(a[0], s).ToUnicode();
            throw EvaluationException.Create(EvaluationDiagnostics.Thrown, message, s, EvaluationErrorKind.Thrown);
        }, global: true);
        r.Add("abort", 1, (i, a, s) =>
        {
            var message = i.CoerceToStringValue(a[0], s).ToUnicode();
            throw EvaluationException.Create(EvaluationDiagnostics.Aborted,
                $"evaluation aborted with the following error message: '{message}'", s, EvaluationErrorKind.Abort);
        }, global: true);
        r.Add("tryEval", 1, (i, a, _) =>
        {
            var success = Symbol.Intern("success");
            var value = Symbol.Intern("value");
            try
            {
                var result = a[0].Force();
                return new AttrSetValue([success, value], [BoolValue.True, result], null);
            }
            catch (EvaluationException e) when (e.IsCatchable)
            {
                return new AttrSetValue([success, value], [BoolValue.False, BoolValue.False], null);
            }
        });
        r.Add("addErrorContext", 2, (i, a, s) =>
        {
            try
            {
                return a[1].Force();
            }
            catch (EvaluationException e) when (!e.IsStackOverflow)
            {
                string message;
                try
                {
                    message = i.CoerceToStringValue(a[0], s).ToUnicode();
                }
                catch (EvaluationException)
                {
                    throw e;
                }
                throw e.AddFrame(message, null);
            }
        });
        r.Add("getEnv", 1, (i, a, s) =>
        {
            var name = ByteText.ToUnicode(i.ForceStringNoContext(a[0], s));
            return StringValue.FromUnicode(i.Options.EnvironmentVariables.TryGetValue(name, out var value) ? value : "");
        });
    }

    /// <summary>
    /// <c>builtins.warn</c>'s line as Nix prints it: continuation lines aligned under the first
    /// (indented by the prefix), except when the message itself starts on a new line.
    /// </summary>
    public static string EvaluationWarning(string message)
    {
        const string prefix = "evaluation warning:";
        if (message.StartsWith('\n')) return prefix + message;
        return prefix + " " + message.Replace("\n", "\n" + new string(' ', prefix.Length + 1));
    }
}
