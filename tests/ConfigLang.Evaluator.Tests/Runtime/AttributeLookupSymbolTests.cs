using ConfigLang.Evaluator.Runtime.Values;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// getAttr and hasAttr look a name string up by its symbol, which the string keeps once it has
/// been a name: a loop over attrNames interns nothing (interning takes a global lock and a hash).
/// </summary>
public sealed class AttributeLookupSymbolTests
{
    [Theory]
    [InlineData("getAttr")]
    [InlineData("hasAttr")]
    public void The_name_string_keeps_its_symbol(string builtin)
    {
        var interpreter = Evaluate.Interpreter();
        var set = interpreter.Evaluate(new ConfigLang.Evaluator.Text.SourceText("{ lookupSymbolTest = 1; }", "«string»"), Path.GetTempPath());
        var name = new StringValue("lookupSymbolTest");
        interpreter.Call(interpreter.Builtins.Get(builtin)!, [name, set]);
        Assert.Same(Symbol.Intern("lookupSymbolTest"), name.Symbol);
    }
}
