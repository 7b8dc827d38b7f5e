using ConfigLang.Evaluator;
using ConfigLang.Evaluator.Diagnostics;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Evaluation;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;

namespace ConfigLang.Modules.Resolved;

/// <summary>
/// Evaluates a host configuration once, in-process, and lets the caller read it as
/// <see cref="HostConfiguration"/> values with their origins, on the evaluator's large-stack
/// thread. An evaluation error comes back as a <see cref="Diagnostic"/> located in the user's
/// files: when the error itself is raised in the option library or the driver expression (an
/// infinite recursion, say), at the innermost frame of its trace that is the user's.
/// </summary>
public sealed class HostEvaluator(EvaluatorOptions options)
{
    /// <param name="showTrace">Add the evaluation trace to an error's notes (<c>--show-trace</c>).</param>
    public HostEvaluation<T> Evaluate<T>(string hostFile, Func<HostConfiguration, T> read, bool showTrace = false)
    {
        var path = Path.GetFullPath(hostFile, options.CurrentDirectory);
        var evaluator = new ConfigEvaluator(ConfigurationQuery.WithModules(options, recordOrigins: true));
        return ConfigEvaluator.RunWithLargeStack(() =>
        {
            var interpreter = evaluator.CreateInterpreter();
            try
            {
                var (_, evaluated) = ModulesDriver.Evaluate(interpreter, options.CurrentDirectory, [path]);
                var config = Nix.ForceAttrs(Nix.Get(evaluated, "config")!);
                var value = read(new HostConfiguration(interpreter, path, config));
                return new HostEvaluation<T>(value, null, interpreter.ImportedFiles);
            }
            catch (EvaluationException e)
            {
                return new HostEvaluation<T>(default, Located(e, path, showTrace), interpreter.ImportedFiles);
            }
        });
    }

    /// <summary>Whether a location is in a file the user wrote (not the option library, not the driver).</summary>
    public static bool IsUserFile(string file) => file != ModulesDriver.Name && !file.StartsWith('«') && !LibraryFiles.Contains(file);

    /// <summary>The error at the user's file and line where the failing value comes from; the library's own place as a note.</summary>
    public static Diagnostic Located(EvaluationException e, string hostFile, bool showTrace)
    {
        var diagnostic = e.Diagnostic;
        // Lint's one filter of the trace: the frames it locates errors by and prints.
        List<TraceFrame> frames = [.. e.Trace.Where(frame => frame.IsShownOutsideEval)];
        if (diagnostic.Location is not { } at || !IsUserFile(at.Source.Path))
        {
            var user = frames.Select(f => f.Location).FirstOrDefault(l => l is { } l2 && IsUserFile(l2.Source.Path));
            var raisedIn = diagnostic.Location is { } library && LibraryFiles.Contains(library.Source.Path)
                ? $"raised in {LibraryFiles.DisplayName(library.Source.Path)}:{library.Start}"
                : null;
            diagnostic = diagnostic with { Location = user ?? HostStart(hostFile) };
            if (raisedIn is not null) diagnostic = diagnostic.WithNote(raisedIn);
        }
        // The trace's notes take what is left of the diagnostic's notes, one of it for the count of frames not shown:
        // cut again to MaxNotes when printed, that count became "and 2 more notes not shown".
        if (showTrace) diagnostic = diagnostic with { Notes = [.. diagnostic.Notes, .. TraceNotes(frames, PrintedTextBounds.MaxNotes - diagnostic.Notes.Count - 1)] };
        return diagnostic;
    }

    /// <summary>The trace as lint's notes (<c>--show-trace</c>): the user's frames, at most <paramref name="maxRuns"/> runs
    /// bounded as <see cref="PrintedTextBounds.BoundRuns"/> says, each run of equal frames (deep recursion) as one note that counts the others.</summary>
    private static IEnumerable<string> TraceNotes(IReadOnlyList<TraceFrame> shown, int maxRuns)
    {
        // Frames of the driver expression are ours, not the user's.
        List<TraceFrame> frames = [.. shown.Where(frame => !ModulesDriver.IsDriverFrame(frame))];
        foreach (var run in PrintedTextBounds.BoundRuns(frames, Math.Max(0, maxRuns)))
        {
            var frame = run.Frame;
            var where = frame.Location is { } l && IsUserFile(l.Source.Path) ? $"{l.Source.Path}:{l.Start}: "
                : frame.Location is { } lib && LibraryFiles.Contains(lib.Source.Path) ? $"{LibraryFiles.DisplayName(lib.Source.Path)}:{lib.Start}: " : "";
            yield return "trace: " + where + frame.Message.Trim() + (run.Omitted is { } omitted ? " " + omitted : "");
        }
    }

    /// <summary>The start of the host file: where an error with no user frame is reported.</summary>
    private static SourceLocation? HostStart(string hostFile)
    {
        try
        {
            return new SourceLocation(SourceText.FromFile(hostFile), new TextSpan(0, 0));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
