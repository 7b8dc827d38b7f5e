using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary>Builtins on attribute sets.</summary>
internal static class AttrSetBuiltins
{
    // From this many entries listToAttrs reserves room for new names first (see Symbol.Reserve).
    private const int ManyNames = 4096;

    public static void Register(BuiltinRegistry r)
    {
        r.Add("attrNames", 1, (i, a, s) =>
        {
            var attrs = i.ForceAttrs(a[0], s, "while evaluating the argument passed to builtins.attrNames");
            var names = new Value[attrs.Count];
            for (var k = 0; k < names.Length; k++) names[k] = attrs.Names[k].Value;
            return ListValue.Of(names);
        });
        r.Add("attrValues", 1, (i, a, s) =>
        {
            var attrs = i.ForceAttrs(a[0], s, "while evaluating the argument passed to builtins.attrValues");
            return ListValue.Of((Value[])attrs.Values.Clone());
        });
        r.Add("getAttr", 2, (i, a, s) =>
        {
            // The symbol, not the text: a name string keeps its symbol, so a lookup takes no interning.
            var name = i.ForceSymbol(a[0], s);
            var attrs = i.ForceAttrs(a[1], s);
            return attrs.Get(name)?.Force()
                ?? throw MissingCallAttribute.Error(name.ToUnicode(), "getAttr", a[1], s);
        });
        r.Add("hasAttr", 2, (i, a, s) =>
        {
            var name = i.ForceSymbol(a[0], s);
            return BoolValue.Of(i.ForceAttrs(a[1], s).Get(name) is not null);
        });
        r.Add("removeAttrs", 2, (i, a, s) =>
        {
            var attrs = i.ForceAttrs(a[0], s);
            var items = i.ForceList(a[1], s).Items;
            if (items.Length == 0) return attrs;
            // One name (`removeAttrs x [ "_module" ]`, the commonest) needs no set of names.
            if (items.Length == 1) return attrs.Without(i.ForceSymbol(items[0], s));
            var remove = new HashSet<Symbol>(items.Length);
            foreach (var item in items) remove.Add(i.ForceSymbol(item, s));
            return attrs.Without(remove);
        }, global: true);
        r.Add("listToAttrs", 1, (i, a, s) =>
        {
            var list = i.ForceList(a[0], s, "while evaluating the argument passed to builtins.listToAttrs");
            var names = new Symbol[list.Count];
            var values = new Value[list.Count];
            var roomBefore = list.Count >= ManyNames ? Symbol.Reserve(list.Count) : -1;
            // The names before the first entry without a 'value', then those after it as they come:
            // a scan of the names before each such entry was quadratic in a hostile list.
            HashSet<Symbol>? earlier = null;
            var earlierUpTo = 0;
            try
            {
                for (var k = 0; k < names.Length; k++)
                {
                    var entry = i.ForceAttrs(list.Items[k], s, "while evaluating an element of the list passed to builtins.listToAttrs");
                    var nameValue = entry.Get(Symbols.Name)
                        ?? throw MissingCallAttribute.Error("name", "listToAttrs", list.Items[k], s);
                    // Nix reports a bad name where the entry's 'name' is written.
                    names[k] = i.ForceSymbol(nameValue, entry.PositionOf(Symbols.Name) ?? s);
                    if (entry.Get(Symbols.Value) is { } value)
                    {
                        values[k] = value;
                        continue;
                    }
                    // A missing 'value' is an error only where the name is new: the first entry wins.
                    earlier ??= new HashSet<Symbol>(k);
                    while (earlierUpTo < k) earlier.Add(names[earlierUpTo++]);
                    if (!earlier.Contains(names[k])) throw MissingCallAttribute.Error("value", "listToAttrs", list.Items[k], s);
                    values[k] = NullValue.Instance;
                }
            }
            finally
            {
                // Also when an entry fails: the room is given back whatever the names were.
                if (roomBefore >= 0) Symbol.ReleaseUnusedRoom(roomBefore);
            }
            return AttrSetBuilder.FromUnordered(names, values, names.Length, lastWins: false);
        });
        r.Add("mapAttrs", 2, (i, a, s) =>
        {
            var attrs = i.ForceAttrs(a[1], s);
            var values = new Value[attrs.Count];
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = new Apply2Thunk(i, a[0], attrs.Names[k].Value, attrs.Values[k], s);
            }
            // No positions: Nix forgets where the mapped attributes were written (unsafeGetAttrPos gives null).
            return attrs.Count == 0 ? attrs : new AttrSetValue(attrs.Names, values, null);
        });
        r.Add("intersectAttrs", 2, (i, a, s) =>
        {
            var left = i.ForceAttrs(a[0], s);
            var right = i.ForceAttrs(a[1], s);
            var names = new List<Symbol>();
            var values = new List<Value>();
            for (var k = 0; k < right.Count; k++)
            {
                if (left.IndexOf(right.Names[k]) < 0) continue;
                names.Add(right.Names[k]);
                values.Add(right.Values[k]);
            }
            return names.Count == 0 ? AttrSetValue.Empty : new AttrSetValue(names.ToArray(), values.ToArray(), null);
        });
        r.Add("catAttrs", 2, (i, a, s) =>
        {
            var name = i.ForceSymbol(a[0], s);
            var result = new List<Value>();
            foreach (var item in i.ForceList(a[1], s).Items)
            {
                if (i.ForceAttrs(item, s).Get(name) is { } v) result.Add(v);
            }
            return ListValue.Of(result.ToArray());
        });
        r.Add("zipAttrsWith", 2, (i, a, s) =>
        {
            i.ForceFunction(a[0], s); // the function before the list, as Nix 2.8 checks them
            return ZipAttrs.Zip(i, a[0], i.ForceList(a[1], s).Items, s);
        });
        r.Add("groupBy", 2, (i, a, s) =>
        {
            i.ForceFunction(a[0], s); // the function before the list, as Nix 2.8 checks them
            var groups = new Dictionary<Symbol, List<Value>>();
            var order = new List<Symbol>();
            foreach (var item in i.ForceList(a[1], s).Items)
            {
                var key = i.ForceSymbol(i.Call(a[0], item, s), s);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                    order.Add(key);
                }
                list.Add(item);
            }
            var builder = new AttrSetBuilder(order.Count);
            foreach (var key in order) builder.Add(key, ListValue.Of(groups[key].ToArray()));
            return builder.Build();
        });
        r.Add("functionArgs", 1, (i, a, s) =>
        {
            var f = a[0].Force();
            if (f is LambdaValue { Formals: { } formals })
            {
                var builder = new AttrSetBuilder(formals.Count);
                foreach (var (name, hasDefault, location) in formals) builder.Add(Symbol.Intern(name), BoolValue.Of(hasDefault), location);
                return builder.Build();
            }
            if (f.IsFunction) return AttrSetValue.Empty;
            throw EvaluationException.Type("'functionArgs' requires a function", s);
        });
        r.Add("unsafeGetAttrPos", 2, (i, a, s) =>
        {
            var name = i.ForceSymbol(a[0], s);
            var attrs = i.ForceAttrs(a[1], s);
            return attrs.PositionOf(name) is { } position ? Interpreter.MakePosition(position.NixAttributePosition) : NullValue.Instance;
        });
    }
}
