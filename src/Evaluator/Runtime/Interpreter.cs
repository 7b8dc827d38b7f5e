using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Lowering;
using ConfigLang.Evaluator.Lowering.Bound;
using ConfigLang.Evaluator.Runtime.Builtins;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime;

/// <summary>
/// The evaluator: it owns the global scope (builtins), the import cache and the options, and
/// offers the operations both the evaluated code and native builtins use: calling functions,
/// forcing values to a type, coercing to strings, comparing. Hosts use the same public methods
/// to create values, call functions and force values.
/// </summary>
public sealed partial class Interpreter
{
    private readonly Func<SourceText, SyntaxTree> _parse;
    private readonly Dictionary<string, Value> _importCache = new(StringComparer.Ordinal);
    private readonly List<string> _importedFiles = [];
    private readonly Scope _globalScope;
    private int _callDepth;

    /// <summary>Argument arrays lent to builtin calls (see <see cref="BuiltinArgumentArrays"/>).</summary>
    internal BuiltinArgumentArrays ArgumentArrays { get; } = new();

    public Interpreter(EvaluatorOptions options, Func<SourceText, SyntaxTree> parse)
    {
        Options = options;
        _parse = parse;
        // The host's own library and the search path entries it was given (-I, from its trusted
        // command line, as Nix's restricted mode allows them) stay readable: they are the host's, not the program's.
        ReadablePaths = options.AllowedPaths is { } allowed
            ? new PathAccessPolicy([.. allowed, .. GivenFolders(options.LibrarySearchPath, options), .. GivenFolders(options.SearchPath, options)])
            : null;
        Files = new EvaluationFiles(new Store.EvaluationStore(options.MaxStoreBytes), ReadablePaths);
        var registry = new BuiltinRegistry(this);
        BuiltinLibrary.Register(registry);
        foreach (var provider in options.BuiltinProviders) provider.Register(registry);

        // builtins (itself included), then the global frame: true/false/null/builtins, the names
        // Nix binds unprefixed, and every builtin as __name.
        var builtinsBuilder = new AttrSetBuilder(registry.Entries.Count + 1);
        var builtinsThunk = new NativeThunk(() => Builtins!);
        foreach (var (name, (value, _)) in registry.Entries) builtinsBuilder.Add(name, value);
        builtinsBuilder.Add("builtins", builtinsThunk);
        Builtins = builtinsBuilder.Build();
        builtinsThunk.Force();

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var slots = new List<Value>();
        void Bind(string name, Value value)
        {
            if (names.TryGetValue(name, out var existing)) { slots[existing] = value; return; }
            names[name] = slots.Count;
            slots.Add(value);
        }
        Bind("builtins", Builtins);
        Bind("true", BoolValue.True);
        Bind("false", BoolValue.False);
        Bind("null", NullValue.Instance);
        foreach (var (name, (value, global)) in registry.Entries)
        {
            if (name is "true" or "false" or "null" or "builtins") continue;
            // As Nix: a builtin bound globally (map, toString) has no __ alias; the others are __name.
            Bind(global ? name : "__" + name, value);
        }
        var globals = slots.ToArray();
        _globalScope = Scope.Global(names, globals);
        BaseEnvironment = Environment.OverArray(globals, null);
    }

    public EvaluatorOptions Options { get; }

    /// <summary>What the evaluation reads files through: its own store for store paths, the disk for the rest.</summary>
    public EvaluationFiles Files { get; }

    /// <summary>
    /// The folders a restricted evaluation may read (<see cref="EvaluatorOptions.AllowedPaths"/>, the
    /// library and the search path entries); null when unrestricted. Hosts that look at files the
    /// program names judge them by this same list, so they answer nothing the evaluation refuses and
    /// check everything it may read.
    /// </summary>
    public PathAccessPolicy? ReadablePaths { get; }

    /// <summary>The <c>builtins</c> set.</summary>
    public AttrSetValue Builtins { get; }

    internal Environment BaseEnvironment { get; }

    // ---------------------------------------------------------------- sources and imports

    /// <summary>Parses a source; syntax errors become an evaluation error (the first one).</summary>
    public SyntaxTree Parse(SourceText source)
    {
        var tree = _parse(source);
        var error = tree.Diagnostics.FirstOrDefault(d => d.IsError);
        if (error is not null) throw new EvaluationException(error);
        foreach (var warning in tree.Diagnostics)
        {
            // Nix prints parser warnings as the file is read, located in the message.
            if (warning.Location is { } at) WriteTrace($"warning: at {at.Source.Name}:{at.Start.Line}:{at.Start.Column}: {warning.Message}");
        }
        return tree;
    }

    /// <summary>Evaluates a whole source (a file or an expression) to weak head normal form.</summary>
    public Value Evaluate(SourceText source, string baseDirectory)
    {
        var node = Lower(source, baseDirectory);
        return node.Eval(BaseEnvironment);
    }

    private Node Lower(SourceText source, string baseDirectory) => Lower(source, baseDirectory, _globalScope);

    /// <summary>Parses, resolves every name against <paramref name="outer"/> (the first scope error,
    /// in source order, is the evaluation error, as the first syntax error is) and lowers.</summary>
    private Node Lower(SourceText source, string baseDirectory, Scope outer)
    {
        var tree = Parse(source);
        var problems = Diagnostics.DiagnosticBag.KeepingEarliestErrorOnly();
        var scopes = ScopeResolver.Resolve(source, tree.Root, outer, problems, this);
        if (problems.HasErrors) throw new EvaluationException(problems.Items[0]);
        return new Binder(this, source, baseDirectory, scopes).Bind(tree.Root);
    }

    /// <summary>The folders of search path entries, made absolute; URLs (<c>https://…</c>, <c>channel:…</c>) name no folder.</summary>
    private static IEnumerable<string> GivenFolders(IEnumerable<string> entries, EvaluatorOptions options) =>
        entries.Select(e => SearchPathEntries.Split(e).Path)
            .Where(p => p.Length > 0 && !p.Contains("://", StringComparison.Ordinal) && !p.StartsWith("channel:", StringComparison.Ordinal))
            .Select(p => PathUtilities.Canonicalize(PathUtilities.Combine(options.CurrentDirectory, p)));

    /// <summary><c>import path</c>: a directory means its <c>default.nix</c>; each file is evaluated once.</summary>
    public Value Import(string path, SourceLocation? site)
    {
        SourceText source;
        try
        {
            if (Files.IsDirectory(path)) path = PathUtilities.Combine(path, "default.nix");
            if (_importCache.TryGetValue(path, out var cached)) return cached.Force();
            source = ReadSource(path, site);
        }
        // Hosts import too (a module's imports), outside any builtin's call.
        catch (ForbiddenPathException e)
        {
            throw Forbidden(e, site);
        }
        var node = Lower(source, PathUtilities.DirOf(path));
        var thunk = new ExprThunk(node, BaseEnvironment);
        _importCache[path] = thunk;
        _importedFiles.Add(path);
        return thunk.Force();
    }

    /// <summary>Where the expression of an imported file starts (for errors about the file's value as a whole).</summary>
    public SourceLocation? LocationOfImport(string path) =>
        _importCache.TryGetValue(Files.IsDirectory(path) ? PathUtilities.Combine(path, "default.nix") : path, out var thunk) && thunk is Thunk lazy ? lazy.Location : null;

    /// <summary>The files <see cref="Import"/> has read, in the order first imported (tools that
    /// point at a definition look for it in these).</summary>
    public IReadOnlyList<string> ImportedFiles => _importedFiles;

    /// <summary><c>scopedImport attrs path</c>: the file sees the names of <paramref name="scope"/>
    /// in front of the builtins (not cached, since the scope differs per call).</summary>
    public Value ScopedImport(AttrSetValue scope, string path, SourceLocation? site)
    {
        if (Files.IsDirectory(path)) path = PathUtilities.Combine(path, "default.nix");
        var source = ReadSource(path, site);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < scope.Count; i++) names[scope.Names[i].Name] = i;
        var node = Lower(source, PathUtilities.DirOf(path), Scope.Static(_globalScope, names));
        return node.Eval(Environment.OverArray((Value[])scope.Values.Clone(), BaseEnvironment));
    }

    private SourceText ReadSource(string path, SourceLocation? site)
    {
        if (path.StartsWith(global::ConfigLang.Evaluator.Runtime.Builtins.FileBuiltins.CorePackagesPrefix, StringComparison.Ordinal)
            && global::ConfigLang.Evaluator.Runtime.Builtins.CorePackages.Find(path[global::ConfigLang.Evaluator.Runtime.Builtins.FileBuiltins.CorePackagesPrefix.Length..]) is { } text)
        {
            return new SourceText(text, path);
        }
        try
        {
            return new SourceText(Files.ReadSourceText(path), path) { Name = LibraryFileNames.Of(path, Options.LibrarySearchPath) };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EvaluationException.SystemError($"getting status of '{path}': No such file or directory", site);
        }
    }

    // ---------------------------------------------------------------- calls

    /// <summary>Applies a function (lambda, builtin, partially applied builtin, or a set with
    /// <c>__functor</c>) to one argument.</summary>
    public Value Call(Value function, Value argument, SourceLocation? site = null) => Apply(function, argument, site.GetValueOrDefault());

    /// <summary>
    /// <see cref="Call(Value, Value, SourceLocation?)"/> with the site as a plain location, the default
    /// one when not known (see <see cref="Known"/>). Its parameters fit in registers, so a thunk or call
    /// node ending in it is replaced by it, and it by the lambda call: a 10,000-deep thunk chain
    /// (recursiveUpdate) has that many native frames less per level for the GC to walk.
    /// </summary>
    internal Value Apply(Value function, Value argument, SourceLocation site)
    {
        var f = function.Force();
        switch (f)
        {
            case LambdaValue lambda:
                return CallLambda(lambda, argument, site);
            case PrimOpValue { Unary: not null } unary:
                return CallPrimOp(unary, argument, site);
            case PrimOpValue primOp:
                return primOp.Arity == 1 ? CallPrimOpWithLentArguments(primOp, [], argument, site) : new PrimOpAppValue(primOp, [argument]);
            case PrimOpAppValue app:
                return ApplyPrimOpApp(app, argument, site);
            case AttrSetValue attrs when attrs.Get(Symbols.Functor) is { } functor:
                return CallFunctor(attrs, functor, argument, Known(site));
            default:
                throw NotAFunction(f, Known(site));
        }
    }

    /// <summary>Formatted in a method of its own: a frame formatting a message cannot end in a tail call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EvaluationException NotAFunction(Value value, SourceLocation? site) =>
        EvaluationException.Type($"attempt to call something which is not a function but {value.Describe()}", site);

    /// <summary>A set's <c>__functor</c>: counted as a call, since <c>__functor = self: self</c> calls the
    /// set again in tail position, which the JIT may turn into a loop that never runs out of stack.</summary>
    private Value CallFunctor(AttrSetValue attrs, Value functor, Value argument, SourceLocation? site)
    {
        if (_callDepth >= Options.MaxCallDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw EvaluationException.StackOverflow(site);
        }
        _callDepth++;
        try
        {
            return Call(Call(functor, attrs, site), argument, site);
        }
        finally
        {
            _callDepth--;
        }
    }

    /// <summary>Applies a function to several arguments in turn.</summary>
    public Value Call(Value function, params Value[] arguments)
    {
        var result = function;
        foreach (var argument in arguments) result = Call(result, argument);
        return result.Force();
    }

    /// <summary>
    /// The one guard around a builtin's own code: the stack check, and its errors reported as the
    /// builtin's (<see cref="BuiltinFailure"/>). <paramref name="args"/> is given back to
    /// <see cref="ArgumentArrays"/> when the builtin returns (kept only if the builtin keeps no array,
    /// so a fresh one is as good as a lent one). The site is a plain location, the default one when not
    /// known (see <see cref="Known"/>): with it the parameters fit in registers, so a call node or
    /// <see cref="Apply(Value, Value, SourceLocation)"/> ending in this call is replaced by it.
    /// </summary>
    internal Value CallPrimOp(PrimOpValue primOp, Value[] args, SourceLocation site)
    {
        var known = Known(site);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(known);
        Value result;
        try
        {
            result = primOp.Impl(this, args, known);
        }
        // Not a stack overflow: rethrowing it at each of thousands of nested builtin calls made it quadratic.
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            throw BuiltinFailure(e, primOp, known);
        }
        catch (ForbiddenPathException e)
        {
            throw BuiltinFailure(Forbidden(e, known), primOp, known);
        }
        ArgumentArrays.Release(primOp, args);
        return result;
    }

    /// <summary><see cref="CallPrimOp(PrimOpValue, Value[], SourceLocation)"/> for a builtin registered
    /// with a one-argument implementation (see <see cref="PrimOpValue.Unary"/>): no array at all, whether
    /// the call comes from code, <c>map</c> or a thunk. Its own method, not a branch of the other: the two
    /// implementations are different delegates, and one more call in between would be one more native
    /// frame per level of a thunk chain.</summary>
    internal Value CallPrimOp(PrimOpValue primOp, Value argument, SourceLocation site)
    {
        var known = Known(site);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(known);
        try
        {
            return primOp.Unary!(this, argument, known);
        }
        catch (EvaluationException e) when (!e.IsStackOverflow)
        {
            throw BuiltinFailure(e, primOp, known);
        }
        catch (ForbiddenPathException e)
        {
            throw BuiltinFailure(Forbidden(e, known), primOp, known);
        }
    }

    /// <summary>A file refused by <see cref="EvaluatorOptions.AllowedPaths"/>, located at the call that asked:
    /// Nix's words, then which folders are readable and how the host lets more through. Never where a
    /// link leads: that would tell a refused probe what /proc/self/cwd or /etc/alternatives point at.</summary>
    internal EvaluationException Forbidden(ForbiddenPathException e, SourceLocation? site)
    {
        var hint = Options.AllowedPathsHint is { } h ? "; " + h : "";
        return EvaluationException.Create(EvaluationDiagnostics.PathForbidden,
            $"{e.Message}; readable are {string.Join(", ", e.Roots.Select(r => $"'{r}'"))} and below{hint}", site);
    }

    /// <summary>A partly applied builtin given one more argument: called when that was its last.</summary>
    private Value ApplyPrimOpApp(PrimOpAppValue app, Value argument, SourceLocation site)
    {
        if (app.Args.Length + 1 == app.PrimOp.Arity) return CallPrimOpWithLentArguments(app.PrimOp, app.Args, argument, site);
        var args = new Value[app.Args.Length + 1];
        app.Args.CopyTo(args, 0);
        args[^1] = argument;
        return new PrimOpAppValue(app.PrimOp, args);
    }

    /// <summary>Completes a builtin's arguments with its last one and calls it, in a lent array when the
    /// builtin keeps none (see <see cref="BuiltinArgumentArrays"/>).</summary>
    private Value CallPrimOpWithLentArguments(PrimOpValue primOp, Value[] first, Value last, SourceLocation site)
    {
        var args = ArgumentArrays.For(primOp);
        first.CopyTo(args, 0);
        args[^1] = last;
        return CallPrimOp(primOp, args, site);
    }

    /// <summary>An error inside a builtin call (its own or forcing an argument), as the builtin's frame says it.</summary>
    internal static EvaluationException BuiltinFailure(EvaluationException e, PrimOpValue primOp, SourceLocation? site) =>
        e.WithLocationIfMissing(site).AddFrameAbsentFromNix($"while calling the '{primOp.Name}' builtin", site);

    /// <summary><c>function first second</c>. A curried two-argument lambda (<c>acc: x: …</c>, as
    /// <c>foldl'</c>, <c>mapAttrs</c> and <c>sort</c> are given) gets its inner frame directly,
    /// without the closure the first application would return only to be called at once.</summary>
    public Value Call(Value function, Value first, Value second, SourceLocation? site) => Apply(function, first, second, site.GetValueOrDefault());

    /// <summary><see cref="Call(Value, Value, Value, SourceLocation?)"/> with the site as a plain location (see <see cref="Apply(Value, Value, SourceLocation)"/>).</summary>
    internal Value Apply(Value function, Value first, Value second, SourceLocation site)
    {
        if (function.Force() is LambdaValue { Code: { Formals: null, Body: LambdaNode inner } code } outer)
        {
            if (inner.CopiedSlots > 0)
            {
                // The inner function shares the outer one's frame layout (see LambdaFrame): one frame for both.
                var shared = code.CopiedSlots > 0
                    ? CurriedFrame(inner, code.CopiedSlots, outer.Environment)
                    : inner.CreateFrame(outer.Environment);
                shared.Slot(code.ArgSlot) = first;
                return CallLambda(inner, shared, second, site);
            }
            var frame = Environment.Create(code.FrameSize, outer.Environment);
            frame.Slot(code.ArgSlot) = first;
            return CallLambda(inner, inner.CreateFrame(frame), second, site);
        }
        return Apply(Apply(function, first, site), second, site);
    }

    private Value CallLambda(LambdaValue lambda, Value argument, SourceLocation site)
    {
        var code = lambda.Code;
        var frame = code.CopiedSlots > 0 ? CurriedFrame(code, code.CopiedSlots, lambda.Environment) : code.CreateFrame(lambda.Environment);
        return CallLambda(code, frame, argument, site);
    }

    /// <summary>Calls <paramref name="code"/> in <paramref name="env"/>, its own frame, made by the caller.</summary>
    /// <param name="site">Where it is called from; the default location (no source) when not known.</param>
    // One method with the depth count, not a checking method forwarding to the call: a thunk chain
    // 10,000 deep nests two lambda calls per level, and every native frame there is one more the GC
    // walks at each collection (recursive-update spent a fifth of its time walking such stacks). Its
    // parameters fit in registers (the site as a plain location, no frame-making flag), so a caller
    // ending in it (a zipAttrsWith or map thunk) is replaced by it: one native frame less per level.
    private Value CallLambda(LambdaNode code, Environment env, Value argument, SourceLocation site)
    {
        if (_callDepth >= Options.MaxCallDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw EvaluationException.StackOverflow(Known(site));
        }
        _callDepth++;
        try
        {
            if (code.Formals is { } formals)
            {
                var arg = argument.Force();
                if (arg is not AttrSetValue attrs)
                {
                    throw EvaluationException.Type($"value is {arg.Describe()} while a set was expected", Known(site))
                        // Not in Nix 2.8's trace; kept because lint finds the user's function by it.
                        .AddFrameAbsentFromNix($"while evaluating {TraceName(code)}", code.Location);
                }
                var used = 0;
                var hints = code.FormalHints;
                for (var i = 0; i < formals.Length; i++)
                {
                    var formal = formals[i];
                    if (attrs.TryGet(formal.Name, ref hints[i], out var value))
                    {
                        env.Slot(i) = value;
                        used++;
                    }
                    else if (formal.Default is not null)
                    {
                        env.Slot(i) = formal.Default.Delay(env);
                    }
                    else
                    {
                        throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                            $"{DescribeLambda(code)} called without required argument '{formal.Name.Name}'", Known(site))
                            // Not in Nix 2.8's trace; kept because lint finds the user's function by it.
                            .AddFrameAbsentFromNix($"while evaluating {TraceName(code)}", code.Location);
                    }
                }
                if (!code.Ellipsis && used < attrs.Count)
                {
                    foreach (var name in attrs.Names)
                    {
                        if (Array.Exists(formals, f => ReferenceEquals(f.Name, name))) continue;
                        throw EvaluationException.Create(EvaluationDiagnostics.BadArguments,
                            $"{DescribeLambda(code)} called with unexpected argument '{name.Name}'", Known(site))
                            .WithSuggestions(name, formals.Select(f => f.Name))
                            // Not in Nix 2.8's trace; kept because lint finds the user's function by it.
                            .AddFrameAbsentFromNix($"while evaluating {TraceName(code)}", code.Location);
                    }
                }
                if (code.ArgName is not null) env.Slot(code.ArgSlot) = arg;
            }
            else
            {
                env.Slot(code.ArgSlot) = argument;
            }

            try
            {
                var result = code.Body.Eval(env);
                // A call that fails drops its frame instead: nothing is known of what the failure left.
                if (code.ReusesFrame) code.GiveBackFrame(env);
                return result;
            }
            catch (EvaluationException e) when (!e.IsStackOverflow)
            {
                throw e.AddCallFrame($"while evaluating {TraceName(code)}", code.Location, Known(site));
            }
        }
        finally
        {
            _callDepth--;
        }
    }

    /// <summary>The frame of curried function <paramref name="code"/> called on its own (after a partial application):
    /// the outer arguments copied from the frame it closes over, whose parent becomes its parent.</summary>
    private static Environment CurriedFrame(LambdaNode code, int copiedSlots, Environment closure)
    {
        var env = code.CreateFrame(closure.Parent);
        for (var i = 0; i < copiedSlots; i++) env.Slot(i) = closure.Slot(i);
        return env;
    }

    /// <summary>A call site passed as a plain location (see CallLambda), null again when it is the default one.</summary>
    private static SourceLocation? Known(SourceLocation site) => site.Source is null ? null : site;

    /// <summary>A function as Nix 2.8's trace names it: <c>'f'</c> or <c>anonymous lambda</c>.</summary>
    private static string TraceName(LambdaNode code) => code.Name is { } name ? $"'{name}'" : "anonymous lambda";

    private static string DescribeLambda(LambdaNode code) =>
        code.Name is { } name ? $"function '{name}'" : $"anonymous function at {PositionInMessage(code.Location)}";

    /// <summary>A position inside a message as Nix 2.8 writes it: the source of <c>-E</c> or of standard input is
    /// <c>(string)</c> there, where the location lines say <c>«string»</c> or <c>«stdin»</c>.</summary>
    private static string PositionInMessage(SourceLocation location) =>
        location.Source.Name is EvaluationRequest.StringName or EvaluationRequest.StandardInputName
            ? $"(string):{location.Start}"
            : location.ToString();

    // ---------------------------------------------------------------- forcing to a type

    public AttrSetValue ForceAttrs(Value value, SourceLocation? site, string? context = null) =>
        value.Force() as AttrSetValue ?? throw TypeError(value, "a set", site, context);

    public ListValue ForceList(Value value, SourceLocation? site, string? context = null) =>
        value.Force() as ListValue ?? throw TypeError(value, "a list", site, context);

    public long ForceInt(Value value, SourceLocation? site, string? context = null) =>
        value.Force() is IntValue i ? i.Value : throw TypeError(value, "an integer", site, context);

    public bool ForceBool(Value value, SourceLocation? site, string? context = null) =>
        value.Force() is BoolValue b ? b.Value : throw TypeError(value, "a Boolean", site, context);

    public double ForceFloat(Value value, SourceLocation? site, string? context = null) => value.Force() switch
    {
        IntValue i => i.Value,
        FloatValue f => f.Value,
        _ => throw TypeError(value, "a float", site, context),
    };

    public Value ForceFunction(Value value, SourceLocation? site, string? context = null)
    {
        var v = value.Force();
        return v.IsFunction || v is AttrSetValue a && a.Get(Symbols.Functor) is not null ? v : throw TypeError(v, "a function", site, context);
    }

    /// <summary>A string value (with its context); anything else is a type error.</summary>
    public StringValue ForceString(Value value, SourceLocation? site, string? context = null) =>
        value.Force() as StringValue ?? throw TypeError(value, "a string", site, context);

    /// <summary>Nix's <c>forceStringNoCtx</c>: a string that must not refer to a store path (see <see cref="ContextFreeStrings"/>).</summary>
    public string ForceStringNoContext(Value value, SourceLocation? site, string? context = null)
    {
        var s = ForceString(value, site, context);
        return s.HasContext ? throw ContextFreeStrings.NotAllowed(s, site) : s.Text;
    }

    /// <summary>A string used as an attribute name: one without context, as Nix requires.</summary>
    public Symbol ForceSymbol(Value value, SourceLocation? site, string? context = null)
    {
        var s = ForceString(value, site, context);
        // A string that has been a name keeps its symbol (and so has no context): no check, no hash.
        return s.Symbol ?? (s.HasContext ? throw ContextFreeStrings.NotAllowed(s, site) : Symbol.Intern(s));
    }

    private static EvaluationException TypeError(Value value, string expected, SourceLocation? site, string? context)
    {
        var error = EvaluationException.Type($"value is {value.Force().Describe()} while {expected} was expected", site);
        // The contexts are a newer Nix's ("while evaluating the argument passed to builtins.map"): lint's only.
        if (context is not null) error.AddFrameAbsentFromNix(context, site);
        return error;
    }

    /// <summary>Forces a value and everything inside it (lists, attribute values), once each.</summary>
    public Value ForceDeep(Value value)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        ForceDeep(value, seen);
        return value.Force();
    }

    /// <summary>Up to this many elements, a list or set is remembered as seen only once it turns out to
    /// hold a list or set that holds one in turn: a cycle runs through such containers only, and going
    /// through a small leaf again costs less than remembering every leaf (most of a configuration's
    /// sets, and the sets holding only leaves, as a certificate holding its list of domain names).</summary>
    private const int SmallContainer = 8;

    private void ForceDeep(Value value, HashSet<object> seen)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw EvaluationException.StackOverflow(null);
        var v = value.Force();
        switch (v)
        {
            case AttrSetValue attrs:
            {
                var remembered = attrs.Count > SmallContainer;
                if (remembered && !seen.Add(attrs)) return;
                for (var i = 0; i < attrs.Count; i++)
                {
                    try
                    {
                        var item = attrs.Values[i];
                        if (!remembered && !IsLeafOrSmallLeafContainer(item.Force()))
                        {
                            if (!seen.Add(attrs)) return;
                            remembered = true;
                        }
                        ForceDeep(item, seen);
                    }
                    catch (EvaluationException e) when (!e.IsStackOverflow)
                    {
                        throw AttributeFrame(e, attrs, i);
                    }
                }
                break;
            }
            case ListValue list:
            {
                var remembered = list.Count > SmallContainer;
                if (remembered && !seen.Add(list)) return;
                foreach (var item in list.Items)
                {
                    if (!remembered && !IsLeafOrSmallLeafContainer(item.Force()))
                    {
                        if (!seen.Add(list)) return;
                        remembered = true;
                    }
                    ForceDeep(item, seen);
                }
                break;
            }
        }
    }

    /// <summary>
    /// Whether a forced value cannot lead back to the container holding it: it is no list or set, or a
    /// small one whose elements are none. Its elements are forced here, in order, up to the first list or
    /// set; ForceDeep would force them first thing in the same order (with the same attribute frames on
    /// an error), so the evaluation is the same, only the container holding it need not be remembered.
    /// </summary>
    private static bool IsLeafOrSmallLeafContainer(Value forced)
    {
        switch (forced)
        {
            case AttrSetValue attrs:
                if (attrs.Count > SmallContainer) return false;
                for (var i = 0; i < attrs.Count; i++)
                {
                    Value element;
                    try
                    {
                        element = attrs.Values[i].Force();
                    }
                    catch (EvaluationException e) when (!e.IsStackOverflow)
                    {
                        throw AttributeFrame(e, attrs, i);
                    }
                    if (element is AttrSetValue or ListValue) return false;
                }
                return true;
            case ListValue list:
                if (list.Count > SmallContainer) return false;
                foreach (var item in list.Items)
                {
                    if (item.Force() is AttrSetValue or ListValue) return false;
                }
                return true;
            default:
                return true;
        }
    }

    /// <summary>An error forcing attribute <paramref name="index"/> deeply, as Nix frames it: at the attribute's name,
    /// which eval prints at the start of its dotted path, as Nix places it.</summary>
    private static EvaluationException AttributeFrame(EvaluationException e, AttrSetValue attrs, int index)
    {
        var message = $"while evaluating the attribute '{attrs.Names[index].ToUnicode()}'";
        return attrs.Positions?[index] is { Source: not null } position ? e.AddAttributeFrame(message, position) : e.AddFrame(message, null);
    }

    /// <summary>The <c>{ column; file; line; }</c> set Nix uses for positions.</summary>
    public static AttrSetValue MakePosition(SourceLocation location)
    {
        var start = location.Start;
        return new AttrSetValue(
            [Symbols.Column, Symbols.File, Symbols.Line],
            [IntValue.Of(location.Source.GetByteColumn(location.Span.Start, start)), StringValue.Of(location.Source.PathByteText), IntValue.Of(start.Line)],
            null);
    }

    /// <summary>Writes a <c>trace:</c> or <c>warning:</c> line where the options say.</summary>
    public void WriteTrace(string line) => Options.TraceWriter?.WriteLine(line);
}

/// <summary>Symbols the interpreter itself looks for.</summary>
public static class Symbols
{
    public static readonly Symbol Functor = Symbol.Intern("__functor");
    public static readonly Symbol ToStringSymbol = Symbol.Intern("__toString");
    public static readonly Symbol OutPath = Symbol.Intern("outPath");
    public static readonly Symbol Type = Symbol.Intern("type");
    public static readonly Symbol Column = Symbol.Intern("column");
    public static readonly Symbol File = Symbol.Intern("file");
    public static readonly Symbol Line = Symbol.Intern("line");
    public static readonly Symbol Name = Symbol.Intern("name");
    public static readonly Symbol Value = Symbol.Intern("value");
    public static readonly Symbol Path = Symbol.Intern("path");
    public static readonly Symbol Prefix = Symbol.Intern("prefix");
}
