using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Syntax.Nodes;

namespace ConfigLang.Evaluator.Lowering;

/// <summary>
/// What <see cref="ScopeResolver"/> decided for one tree, read back by the <see cref="Binder"/>:
/// where each variable is bound, the merged bindings of each set and <c>let</c>, and the frame
/// (names and slots) of each function. (Variables are kept on their nodes.) Keyed by node identity: syntax nodes
/// are records, whose equality compares contents.
/// </summary>
internal sealed class ResolvedScopes
{
    private Dictionary<MergedAttr, Scope.Resolution>? _inherited;
    private readonly Dictionary<object, MergedAttrs> _merged = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LambdaExpr, LambdaFrame> _frames = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LetExpr, LetFrame> _letFrames = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<WithExpr, int> _withFrames = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SearchPathExpr, (Scope.Resolution FindFile, Scope.Resolution NixPath)> _searchPaths = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records where a variable is bound: an identifier keeps it on its node (a file has
    /// tens of thousands, each looked up once, and a dictionary keyed by node was a sixth of the
    /// lowering time); the rarer <c>inherit name;</c> in a dictionary.</summary>
    internal void AddVariable(object use, Scope.Resolution resolution)
    {
        if (use is Identifier id) id.Resolution = resolution;
        else (_inherited ??= new(ReferenceEqualityComparer.Instance))[(MergedAttr)use] = resolution;
    }

    internal void AddMerged(Expr set, MergedAttrs merged) => _merged[set] = merged;

    internal void AddFrame(LambdaExpr lambda, LambdaFrame frame) => _frames[lambda] = frame;

    internal void AddLetFrame(LetExpr let, LetFrame frame) => _letFrames[let] = frame;

    internal void AddWithFrame(WithExpr with, int size) => _withFrames[with] = size;

    internal void AddSearchPath(SearchPathExpr path, Scope.Resolution findFile, Scope.Resolution nixPath) => _searchPaths[path] = (findFile, nixPath);

    /// <summary>Where a variable (an <see cref="Identifier"/> or an inherited <see cref="MergedAttr"/>) is bound.</summary>
    public Scope.Resolution Variable(object use) => use is Identifier id ? id.Resolution : _inherited![(MergedAttr)use];

    /// <summary>The bindings of a set literal, <c>let</c> or legacy <c>let</c>, merged.</summary>
    public MergedAttrs Merged(Expr set) => _merged[set];

    /// <summary>The frame of a function. (A recursive set's or <c>let</c>'s slots are its names in
    /// <see cref="ScopeResolver.InSlotOrder"/>.)</summary>
    public LambdaFrame Frame(LambdaExpr lambda) => _frames[lambda];

    /// <summary>Where a <c>let</c>'s slots are: its own frame, or the frame of the function, <c>let</c> or
    /// <c>with</c> whose body it is.</summary>
    public LetFrame LetFrame(LetExpr let) => _letFrames[let];

    /// <summary>The size of a <c>with</c>'s frame: its set in slot 0, then the slots of a <c>let</c> that is its body.</summary>
    public int WithFrameSize(WithExpr with) => _withFrames[with];

    public (Scope.Resolution FindFile, Scope.Resolution NixPath) SearchPath(SearchPathExpr path) => _searchPaths[path];
}

/// <summary>A function's frame: formal <c>i</c> in slot <c>i</c>, then the '@' name in <see cref="ArgSlot"/>,
/// then the slots of a <c>let</c> that is its body.</summary>
internal readonly record struct LambdaFrame(int Size, int ArgSlot);

/// <summary>A <c>let</c>'s bindings are slots <see cref="FirstSlot"/> on of its frame (in
/// <see cref="ScopeResolver.InSlotOrder"/>); <see cref="OwnFrameSize"/> is the size of the frame it
/// makes, -1 when it shares its owner's.</summary>
internal readonly record struct LetFrame(int FirstSlot, int OwnFrameSize);
