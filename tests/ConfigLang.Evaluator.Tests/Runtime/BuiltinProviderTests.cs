using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Builtins;
using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>The host hook the module layer uses to add builtins written in C#.</summary>
public sealed class BuiltinProviderTests
{
    /// <summary>Adds <c>builtins.lib.double</c> (forces its argument), <c>builtins.lib.applyTwice</c>
    /// (calls a program function) and <c>builtins.lib.lazyPair</c> (returns thunks).</summary>
    private sealed class TestLibrary : IBuiltinProvider
    {
        public int LazyComputations { get; private set; }

        public void Register(BuiltinRegistry registry)
        {
            var lib = new AttrSetBuilder();
            lib.Add("double", new PrimOpValue("double", 1, (i, args, site) => IntValue.Of(2 * i.ForceInt(args[0], site))));
            lib.Add("applyTwice", new PrimOpValue("applyTwice", 2, (i, args, site) => i.Call(i.Call(args[0], args[1], site), IntValue.Of(0), site)));
            lib.Add("lazyPair", new PrimOpValue("lazyPair", 1, (i, args, _) => ListValue.Of(
            [
                args[0],
                Thunk.FromFunc(() => { LazyComputations++; return IntValue.Of(7); }),
            ])));
            registry.AddValue("lib", lib.Build(), global: true);
        }
    }

    private static EvaluatorOptions With(TestLibrary library) => new()
    {
        CurrentDirectory = Path.GetTempPath(),
        EnvironmentVariables = new Dictionary<string, string>(),
        BuiltinProviders = [library],
    };

    [Fact]
    public void Native_functions_are_callable_from_programs_globally_and_through_builtins()
    {
        var options = With(new TestLibrary());
        Assert.Equal("[ 42 10 ]", Evaluate.Value("[ (lib.double 21) (builtins.lib.double 5) ]", options));
    }

    [Fact]
    public void Native_functions_can_call_program_functions() =>
        Assert.Equal("3", Evaluate.Value("lib.applyTwice (a: b: a + b + 1) 2", With(new TestLibrary())));

    [Fact]
    public void Thunks_made_by_the_host_stay_lazy_until_needed()
    {
        var library = new TestLibrary();
        Assert.Equal("1", Evaluate.Value("builtins.length (builtins.filter (x: true) [ (builtins.head (lib.lazyPair 1)) ])", With(library)));
        Assert.Equal(0, library.LazyComputations);
        Assert.Equal("7", Evaluate.Value("builtins.elemAt (lib.lazyPair 1) 1", With(library)));
        Assert.Equal(1, library.LazyComputations);
    }

    [Fact]
    public void Native_type_errors_are_located_evaluation_errors()
    {
        var stderr = Evaluate.Error("lib.double \"x\"", With(new TestLibrary()));
        Assert.StartsWith("error: value is a string while an integer was expected", stderr);
        Assert.Contains("«string»:1:1", stderr);
    }
}
