namespace ConfigLang.Evaluator.Syntax;

/// <summary>Reusable scratch lists for one parse: items are gathered in a rented list and copied
/// into an array of the exact size, so a parse allocates no growing lists (the parser's main
/// cost is the garbage collector, not the grammar).</summary>
internal sealed class ListPool<T>
{
    private readonly Stack<List<T>> _free = new();

    public List<T> Rent() => _free.Count > 0 ? _free.Pop() : new List<T>(16);

    public T[] ToArrayAndReturn(List<T> list)
    {
        var array = list.Count == 0 ? [] : list.ToArray();
        Return(list);
        return array;
    }

    /// <summary>Gives a list back when its items were used in place.</summary>
    public void Return(List<T> list)
    {
        list.Clear();
        _free.Push(list);
    }
}
