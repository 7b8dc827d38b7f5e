using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Client;

/// <summary>
/// What one order is waiting for right now, so an order stopped by its deadline can say where it
/// was. Authorizations run in parallel, each in its own lane (keyed by its URL); the order's own
/// steps run in <see cref="OrderLane"/>.
/// </summary>
internal sealed class OrderSteps
{
    public const string OrderLane = "";

    // Insertion order kept, so the message lists the lanes as they started.
    private readonly List<(string Lane, string Step)> _current = [];

    public void Set(string lane, string step)
    {
        lock (_current)
        {
            var index = _current.FindIndex(entry => entry.Lane == lane);
            if (index >= 0) _current[index] = (lane, step);
            else _current.Add((lane, step));
        }
    }

    public void Done(string lane)
    {
        lock (_current) _current.RemoveAll(entry => entry.Lane == lane);
    }

    /// <summary>The steps under way, e.g. "presenting dns-01 for 'a.example.org', waiting for the server to validate 'b.example.org'".</summary>
    public string Describe()
    {
        lock (_current)
        {
            // An order may have up to one authorization per name: hundreds of lanes are cut short.
            return _current.Count == 0 ? "between two steps" : ShortList.Join(_current, entry => entry.Step);
        }
    }
}
