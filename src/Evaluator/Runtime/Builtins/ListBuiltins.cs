using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Builtins on lists. Results hold thunks where Nix is lazy (<c>map</c>, <c>genList</c>).</summary>
internal static class ListBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("map", 2, (i, a, s) =>
        {
            var list = i.ForceList(a[1], s, "while evaluating the second argument passed to builtins.map");
            var result = new Value[list.Count];
            for (var k = 0; k < result.Length; k++) result[k] = new ApplyThunk(i, a[0], list.Items[k], s);
            return ListValue.Of(result);
        }, global: true);
        r.Add("filter", 2, (i, a, s) =>
        {
            i.ForceFunction(a[0], s); // the function before the list, as Nix 2.8 checks them
            var list = i.ForceList(a[1], s);
            var result = new List<Value>(list.Count);
            foreach (var item in list.Items)
            {
                if (i.ForceBool(i.Call(a[0], item, s), s)) result.Add(item);
            }
            return result.Count == list.Count ? list : ListValue.Of(result.ToArray());
        });
        r.Add("foldl'", 3, (i, a, s) =>
        {
            i.ForceFunction(a[0], s); // the function before the list, as Nix 2.8 checks them
            var list = i.ForceList(a[2], s);
            var acc = a[1];
            foreach (var item in list.Items) acc = i.Call(a[0], acc, item, s);
            return acc.Force();
        });
        r.Add("elem", 2, (i, a, s) =>
        {
            foreach (var item in i.ForceList(a[1], s).Items)
            {
                if (i.ValuesEqual(a[0], item, s)) return BoolValue.True;
            }
            return BoolValue.False;
        });
        r.Add("elemAt", 2, (i, a, s) =>
        {
            var list = i.ForceList(a[0], s);
            var n = i.ForceInt(a[1], s);
            if (n < 0 || n >= list.Count) throw ElemAtOutOfBounds(n, list.Count, s);
            // A tail call: on a thunk chain (recursiveUpdate's `elemAt values 1`) the element's forcing
            // takes the place of this frame.
            return list.Items[n].Force();
        });
        r.Add("head", (i, v, s) =>
        {
            var list = i.ForceList(v, s);
            if (list.Count == 0) throw EvaluationException.Create(EvaluationDiagnostics.OutOfBounds, "list index 0 is out of bounds", s);
            return list.Items[0].Force();
        });
        r.Add("tail", (i, v, s) =>
        {
            var list = i.ForceList(v, s);
            if (list.Count == 0) throw EvaluationException.Create(EvaluationDiagnostics.OutOfBounds, "'tail' called on an empty list", s);
            return ListValue.Of(list.Items[1..]);
        });
        r.Add("length", (i, v, s) => IntValue.Of(i.ForceList(v, s).Count));
        r.Add("concatLists", 1, (i, a, s) =>
        {
            var lists = i.ForceList(a[0], s);
            // Each part forced in order, then joined: no array of the parts (a module merge
            // concatenates one or two short lists at a time).
            foreach (var part in lists.Items) i.ForceList(part, s);
            return ListValue.Concatenate(lists.Items, s);
        });
        r.Add("concatMap", 2, (i, a, s) =>
        {
            i.ForceFunction(a[0], s); // the function before the list, as Nix 2.8 checks them
            var list = i.ForceList(a[1], s);
            var parts = new Value[list.Count];
            for (var k = 0; k < parts.Length; k++)
            {
                var result = i.Call(a[0], list.Items[k], s).Force();
                parts[k] = result as ListValue ?? throw NotAListFromConcatMap(result, a[0], s);
            }
            return ListValue.Concatenate(parts, s);
        });
        r.Add("genList", 2, (i, a, s) =>
        {
            var n = i.ForceInt(a[1], s);
            if (n < 0) throw EvaluationException.Create(EvaluationDiagnostics.OutOfBounds, $"cannot create list of size {n}", s);
            MemoryLimit.EnsureList(n, ApplyThunk.ApproximateSize, s);
            var result = new Value[n];
            var elements = new GenListElements(i, a[0], s);
            for (var k = 0; k < n; k++) result[k] = elements.At((int)k);
            return ListValue.Of(result);
        });
        r.Add("sort", 2, (i, a, s) =>
        {
            // The function before the list, as Nix 2.8 checks them (even for an empty list).
            i.ForceFunction(a[0], s, "while evaluating the sorting function passed to builtins.sort");
            var list = i.ForceList(a[1], s);
            var items = (Value[])list.Items.Clone();
            MergeSort(items, (x, y) => i.ForceBool(i.Call(a[0], x, y, s), s));
            return ListValue.Of(items);
        });
        r.Add("partition", 2, (i, a, s) =>
        {
            i.ForceFunction(a[0], s); // the function before the list, as Nix 2.8 checks them
            var right = new List<Value>();
            var wrong = new List<Value>();
            foreach (var item in i.ForceList(a[1], s).Items)
            {
                (i.ForceBool(i.Call(a[0], item, s), s) ? right : wrong).Add(item);
            }
            return new AttrSetValue([Symbol.Intern("right"), Symbol.Intern("wrong")],
                [ListValue.Of(right.ToArray()), ListValue.Of(wrong.ToArray())], null);
        });
        r.Add("all", 2, (i, a, s) => BoolValue.Of(!HasElement(i, a, s, wanted: false)));
        r.Add("any", 2, (i, a, s) => BoolValue.Of(HasElement(i, a, s, wanted: true)));
        r.Add("genericClosure", 1, GenericClosure);
    }

    /// <summary>Formatted in a method of its own, so elemAt's frame holds no formatting state and can end in a tail call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EvaluationException ElemAtOutOfBounds(long index, int count, SourceLocation? site) =>
        EvaluationException.Create(EvaluationDiagnostics.OutOfBounds, $"list index {index} is out of bounds", site);

    /// <summary><c>any</c> (<paramref name="wanted"/> true) and the negation of <c>all</c>: whether the
    /// predicate <c>a[0]</c> gives <paramref name="wanted"/> for an element of the list <c>a[1]</c>,
    /// stopping at the first. A type test such as <c>isAttrs</c> (<c>all isAttrs values</c> in every
    /// module merge) is applied to each element directly, without a call of the builtin.</summary>
    private static bool HasElement(Interpreter i, Value[] a, SourceLocation? s, bool wanted)
    {
        var function = i.ForceFunction(a[0], s); // the function before the list, as Nix 2.8 checks them
        var items = i.ForceList(a[1], s).Items;
        if (function is PrimOpValue primOp && TypeBuiltins.PredicateOf(primOp) is { } isOfType)
        {
            foreach (var item in items)
            {
                if (isOfType(ForceArgument(item, primOp, s)) == wanted) return true;
            }
            return false;
        }
        foreach (var item in items)
        {
            if (i.ForceBool(i.Call(a[0], item, s), s) == wanted) return true;
        }
        return false;
    }

    /// <summary>An element forced as the builtin <paramref name="primOp"/> would force its argument: a
    /// failure carries that builtin's frame, as if it had been called.</summary>
    private static Value ForceArgument(Value item, PrimOpValue primOp, SourceLocation? s)
    {
        try
        {
            return item.Force();
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            throw Interpreter.BuiltinFailure(e, primOp, s);
        }
    }

    /// <summary>A stable merge sort (Nix uses <c>std::stable_sort</c>) with a "less than" predicate.</summary>
    private static void MergeSort(Value[] items, Func<Value, Value, bool> less)
    {
        if (items.Length < 2) return;
        var buffer = new Value[items.Length];
        for (var width = 1; width < items.Length; width *= 2)
        {
            for (var lo = 0; lo < items.Length; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, items.Length);
                var hi = Math.Min(lo + 2 * width, items.Length);
                int l = lo, m = mid, k = lo;
                while (l < mid && m < hi) buffer[k++] = less(items[m], items[l]) ? items[m++] : items[l++];
                while (l < mid) buffer[k++] = items[l++];
                while (m < hi) buffer[k++] = items[m++];
            }
            Array.Copy(buffer, items, items.Length);
        }
    }

    private static Value GenericClosure(Interpreter i, Value[] a, SourceLocation? s)
    {
        var args = i.ForceAttrs(a[0], s);
        var startSet = args.Get("startSet") ?? throw MissingCallAttribute.Error("startSet", "genericClosure", a[0], s);
        var op = args.Get("operator") ?? throw MissingCallAttribute.Error("operator", "genericClosure", a[0], s);
        var key = Symbol.Intern("key");
        var work = new Queue<Value>(i.ForceList(startSet, s).Items);
        var seen = new SortedSet<Value>(Comparer<Value>.Create((x, y) => i.LessThan(x, y, s) ? -1 : i.LessThan(y, x, s) ? 1 : 0));
        var result = new List<Value>();
        while (work.Count > 0)
        {
            var item = work.Dequeue();
            var attrs = i.ForceAttrs(item, s);
            var k = attrs.Get(key) ?? throw EvaluationException.Create(EvaluationDiagnostics.MissingAttribute, "attribute 'key' required", s);
            if (!seen.Add(k.Force())) continue;
            result.Add(attrs);
            foreach (var next in i.ForceList(CallOperator(i, op, attrs, s), s).Items) work.Enqueue(next);
        }
        return ListValue.Of(result.ToArray());
    }

    /// <summary>genericClosure's operator on one item; Nix 2.8 calls it without a position, so an error at the call
    /// itself (not a function) has none.</summary>
    private static Value CallOperator(Interpreter i, Value op, AttrSetValue item, SourceLocation? site)
    {
        try
        {
            return i.Call(op, item, site);
        }
        catch (EvaluationException e) when (e.LocatedByNixAtIfRaisedAt(site, null))
        {
            throw; // never reached: the filter declines
        }
    }

    /// <summary>A result of concatMap's function that is no list: at the call for lint; Nix 2.8 points at the
    /// function (a lambda's own position) and frames it "while invoking 'concatMap'".</summary>
    private static EvaluationException NotAListFromConcatMap(Value result, Value function, SourceLocation? site) =>
        EvaluationException.Type($"value is {result.Describe()} while a list was expected", site)
            .LocatedByNixAt(function.Force() is LambdaValue lambda ? lambda.Code.StartLocation : site)
            .AddFrame("while invoking 'concatMap'", site);
}
