using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Diagnostics;

namespace ConfigLang.Modules.Lib;

/// <summary>
/// The module system's one door into the evaluator: calling functions, forcing and reading
/// values, building sets, lists and native functions, raising errors. Keeping every use of the
/// evaluator's API here keeps the rest of the module code about modules.
/// </summary>
public static class Nix
{
    public static readonly Symbol TypeSym = Symbol.Intern("_type");

    /// <summary>A string from text already in the evaluator's byte form (<see cref="ByteText"/>): ASCII, or what
    /// <see cref="ForceString"/>, a <see cref="StringValue.Text"/> or a <see cref="Symbol.Name"/> gave. Other .NET text
    /// goes through <see cref="ByteText.FromUnicode"/> first.</summary>
    public static Value Str(string text) => StringValue.Of(text);

    public static Value Bool(bool value) => BoolValue.Of(value);

    public static Value Int(long value) => IntValue.Of(value);

    public static Value Null => NullValue.Instance;

    public static Value Lazy(Func<Value> compute) => Thunk.FromFunc(compute);

    public static ListValue List(IReadOnlyList<Value> items) => ListValue.Of([.. items]);

    public static ListValue Strings(IEnumerable<string> items) => ListValue.Of([.. items.Select(Str)]);

    public static Value Call(Interpreter interpreter, Value function, Value argument) =>
        interpreter.Call(function, argument, (SourceLocation?)null).Force();

    public static Value Call(Interpreter interpreter, Value function, Value a, Value b) =>
        Call(interpreter, Call(interpreter, function, a), b);

    /// <summary>A builtin of the given arity whose arguments arrive unforced.</summary>
    public static PrimOpValue Function(string name, int arity, Func<Interpreter, Value[], Value> body) =>
        new(name, arity, (interpreter, args, _) => body(interpreter, args));

    public static AttrSetValue Attrs((string Name, Value Value) attribute) =>
        new([Symbol.Intern(attribute.Name)], [attribute.Value], null);

    public static AttrSetValue Attrs((string Name, Value Value) first, (string Name, Value Value) second)
    {
        var a = Symbol.Intern(first.Name);
        var b = Symbol.Intern(second.Name);
        if (ReferenceEquals(a, b)) return new([b], [second.Value], null);
        return string.CompareOrdinal(a.Name, b.Name) < 0
            ? new([a, b], [first.Value, second.Value], null)
            : new([b, a], [second.Value, first.Value], null);
    }

    public static AttrSetValue Attrs(params (string Name, Value Value)[] attributes)
    {
        var builder = new AttrSetBuilder(attributes.Length);
        foreach (var (name, value) in attributes) builder.Add(name, value);
        return builder.Build();
    }

    public static AttrSetValue ForceAttrs(Value value, string? what = null)
    {
        var forced = value.Force();
        if (forced is AttrSetValue attrs) return attrs;
        throw TypeError($"expected a set but found {forced.Describe()}{(what is null ? "" : ": " + what)}");
    }

    public static ListValue ForceList(Value value, string? what = null)
    {
        var forced = value.Force();
        if (forced is ListValue list) return list;
        throw TypeError($"expected a list but found {forced.Describe()}{(what is null ? "" : ": " + what)}");
    }

    public static string ForceString(Value value, string? what = null)
    {
        var forced = value.Force();
        return forced switch
        {
            StringValue s => s.Text,
            PathValue p => ByteText.FromUnicode(p.Path),
            _ => throw TypeError($"expected a string but found {forced.Describe()}{(what is null ? "" : ": " + what)}"),
        };
    }

    public static bool ForceBool(Value value, string? what = null)
    {
        var forced = value.Force();
        if (forced is BoolValue b) return b.Value;
        throw TypeError($"expected a Boolean but found {forced.Describe()}{(what is null ? "" : ": " + what)}");
    }

    public static long ForceInt(Value value)
    {
        var forced = value.Force();
        if (forced is IntValue i) return i.Value;
        throw TypeError($"expected an integer but found {forced.Describe()}");
    }

    public static Value? Get(AttrSetValue attrs, string name) => attrs.Get(Symbol.Intern(name));

    /// <summary>The <c>_type</c> of a forced set, or null (what <c>v._type or null</c> gives).</summary>
    public static string? TypeTag(Value value)
    {
        if (value.Force() is not AttrSetValue attrs) return null;
        var tag = attrs.Get(TypeSym);
        return tag?.Force() is StringValue s ? s.Text : null;
    }

    /// <summary>A catchable error (like <c>throw</c>) with a module-system code.</summary>
    /// <remarks>Messages are built from the evaluator's strings and names, which are bytes; the error holds .NET text.</remarks>
    public static EvaluationException Throw(string message, string code = ModuleDiagnostics.General, SourceLocation? location = null) =>
        EvaluationException.Create(code, ByteText.ToUnicode(message), location, EvaluationErrorKind.Thrown);

    public static EvaluationException TypeError(string message) =>
        EvaluationException.Create(ModuleDiagnostics.General, ByteText.ToUnicode(message), null, EvaluationErrorKind.Error);

    /// <summary>Like <see cref="WithContext{T}(string, Func{T})"/>; the message is only built when an error occurs.</summary>
    public static T WithContext<T>(Func<string> context, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (EvaluationException e)
        {
            e.AddFrame(context(), null);
            throw;
        }
    }

    /// <summary>Runs <paramref name="body"/>, adding "while …" to the trace of any error it raises.</summary>
    public static T WithContext<T>(string context, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (EvaluationException e)
        {
            e.AddFrame(context, null);
            throw;
        }
    }
}
