namespace ConfigLang.Evaluator.Diagnostics;

/// <summary>Collects diagnostics while a stage runs, so one run reports every problem it finds.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Set for a stage whose caller stops at the first error: the bag then holds at most one.</summary>
    private readonly bool _keepsEarliestErrorOnly;

    public DiagnosticBag()
    {
    }

    private DiagnosticBag(bool keepsEarliestErrorOnly) => _keepsEarliestErrorOnly = keepsEarliestErrorOnly;

    /// <summary>A bag that keeps only the error that comes first in the source (evaluation reports one),
    /// so a file with 100,000 mistakes costs no more memory than a file with one.</summary>
    public static DiagnosticBag KeepingEarliestErrorOnly() => new(keepsEarliestErrorOnly: true);

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Add(Diagnostic diagnostic)
    {
        if (!_keepsEarliestErrorOnly)
        {
            _items.Add(diagnostic);
        }
        else if (diagnostic.IsError)
        {
            if (_items.Count == 0) _items.Add(diagnostic);
            else if (Start(diagnostic) < Start(_items[0])) _items[0] = diagnostic;
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) Add(diagnostic);
    }

    private static int Start(Diagnostic diagnostic) => diagnostic.Location?.Span.Start ?? 0;
}
