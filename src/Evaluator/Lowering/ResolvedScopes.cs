using ConfigLang.Evaluator.Lowering.Bound;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// What <see cref="ScopeResolver"/> decided for one tree, read back by the <see cref="Binder"/>:
/// where each variable is bound, the merged bindings of each set and <c>let</c>, and the frame
/// (names and slots) of each function. Most answers are written on the syntax nodes themselves
/// (each evaluation parses its own tree, resolved then bound at once; the fields are left out of
/// the records' equality); the rare rest is keyed by node identity, since records compare contents.
/// </summary>
internal sealed class ResolvedScopes(SourceText source, Interpreter interpreter)
{
    private Dictionary<MergedAttr, Scope.Resolution>? _inherited;
    private readonly Dictionary<SearchPathExpr, (Scope.Resolution FindFile, Scope.Resolution NixPath)> _searchPaths = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records where a variable is bound: an identifier keeps its bound node on its syntax
    /// node, made here at once (a file has tens of thousands, each looked up once: a dictionary keyed
    /// by node was a sixth of the lowering time, and a 16-byte resolution kept on each identifier until
    /// the binder read it was 360 KB of a 10,000-line module); the rarer <c>inherit name;</c> in a dictionary.</summary>
    /// <param name="symbol">The name's symbol when it is looked up in <c>with</c> sets (the resolver keeps one
    /// per name: interning it per use was a lookup under a lock).</param>
    internal void AddVariable(object use, Scope.Resolution resolution, Symbol? symbol)
    {
        if (use is Identifier id) id.Bound = VariableNode(symbol, resolution, id.Span);
        else (_inherited ??= new(ReferenceEqualityComparer.Instance))[(MergedAttr)use] = resolution;
    }

    /// <summary>The node reading a variable bound as <paramref name="resolution"/> says: a frame slot, or a
    /// search of the <c>with</c> frames around.</summary>
    internal Node VariableNode(string name, Scope.Resolution resolution, TextSpan span) =>
        VariableNode(resolution.Index >= 0 ? null : Symbol.Intern(name), resolution, span);

    private Node VariableNode(Symbol? name, Scope.Resolution resolution, TextSpan span) =>
        resolution.Index >= 0
            ? new VarNode(source, span, resolution.Level, resolution.Index, resolution.Known)
            : new WithVarNode(source, span, name!, resolution.WithLevels!, interpreter);

    /// <summary>Sets, <c>let</c>s and <c>with</c>s keep what was decided on their nodes, as variables
    /// do: a file has thousands, and dictionaries keyed by them took a third of the resolution.</summary>
    internal static void AddMerged(Expr set, MergedAttrs merged)
    {
        switch (set)
        {
            case AttrSetExpr attrs: attrs.Merged = merged; break;
            case LetExpr let: let.Merged = merged; break;
            case LegacyLetExpr legacy: legacy.Merged = merged; break;
            default: throw new ArgumentException($"{set.GetType().Name} has no bindings to merge", nameof(set));
        }
    }

    internal static void AddFrame(LambdaExpr lambda, LambdaFrame frame) => lambda.Frame = frame;

    internal static void AddLetFrame(LetExpr let, LetFrame frame) => let.Frame = frame;

    internal static void AddWithFrame(WithExpr with, int size) => with.FrameSize = size;

    internal void AddSearchPath(SearchPathExpr path, Scope.Resolution findFile, Scope.Resolution nixPath) => _searchPaths[path] = (findFile, nixPath);

    /// <summary>The node of a variable: an <see cref="Identifier"/>'s as made when it was resolved, an
    /// inherited <see cref="MergedAttr"/>'s made now (each is bound once).</summary>
    public Node Variable(object use, string name, TextSpan span) =>
        use is Identifier id ? id.Bound! : VariableNode(name, _inherited![(MergedAttr)use], span);

    /// <summary>The bindings of a set literal, <c>let</c> or legacy <c>let</c>, merged.</summary>
    public static MergedAttrs Merged(Expr set) => (set switch
    {
        AttrSetExpr attrs => attrs.Merged,
        LetExpr let => let.Merged,
        LegacyLetExpr legacy => legacy.Merged,
        _ => null,
    }) ?? throw new InvalidOperationException($"the {set.GetType().Name} at {set.Span} was not resolved");

    /// <summary>The frame of a function. (A recursive set's or <c>let</c>'s slots are its names in
    /// <see cref="ScopeResolver.InSlotOrder"/>.)</summary>
    public static LambdaFrame Frame(LambdaExpr lambda) => lambda.Frame;

    /// <summary>Where a <c>let</c>'s slots are: its own frame, or the frame of the function, <c>let</c> or
    /// <c>with</c> whose body it is.</summary>
    public static LetFrame LetFrame(LetExpr let) => let.Frame;

    /// <summary>The size of a <c>with</c>'s frame: its set in slot 0, then the slots of a <c>let</c> that is its body.</summary>
    public static int WithFrameSize(WithExpr with) => with.FrameSize;

    public (Scope.Resolution FindFile, Scope.Resolution NixPath) SearchPath(SearchPathExpr path) => _searchPaths[path];
}

/// <summary>A function's frame: formal <c>i</c> in slot <c>i</c>, then the '@' name in <see cref="ArgSlot"/>,
/// then the slots of a <c>let</c> that is its body. A curried function (<c>y:</c> in <c>x: y: …</c>)
/// shares the frame layout of the one around it: its call copies the first <see cref="CopiedSlots"/>
/// slots from the frame it closes over, and its frame's parent is that frame's parent.</summary>
internal readonly record struct LambdaFrame(int Size, int ArgSlot, int CopiedSlots = 0);

/// <summary>A <c>let</c>'s bindings are slots <see cref="FirstSlot"/> on of its frame (in
/// <see cref="ScopeResolver.InSlotOrder"/>); <see cref="OwnFrameSize"/> is the size of the frame it
/// makes, -1 when it shares its owner's.</summary>
internal readonly record struct LetFrame(int FirstSlot, int OwnFrameSize);
