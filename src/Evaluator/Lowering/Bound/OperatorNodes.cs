using System.Runtime.CompilerServices;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Syntax.Nodes;
using ConfigLang.Evaluator.Text;
using Env = ConfigLang.Evaluator.Runtime.Environment;

namespace ConfigLang.Evaluator.Lowering.Bound;

/// <summary>
/// Binary operators other than <c>+</c> (see <see cref="ConcatNode"/>). Boolean operators
/// evaluate their right side only when needed.
/// </summary>
internal sealed class BinaryNode(SourceText source, TextSpan span, BinaryOperator op, TextSpan operatorSpan, Node left, Node right, Interpreter interpreter)
    : Node(source, span)
{
    internal override SourceLocation? VariableReading(Env env, Value target) => left.VariableReading(env, target) ?? right.VariableReading(env, target);

    public override Value Eval(Env env)
    {
        switch (op)
        {
            case BinaryOperator.And:
                return ForceBool(left, env, this) ? BoolValue.Of(ForceBool(right, env, this)) : BoolValue.False;
            case BinaryOperator.Or:
                return ForceBool(left, env, this) ? BoolValue.True : BoolValue.Of(ForceBool(right, env, this));
            case BinaryOperator.Implies:
                return !ForceBool(left, env, this) ? BoolValue.True : BoolValue.Of(ForceBool(right, env, this));
        }

        if (_operandsBoxIntegers && IntegerOperands(left, right, env, out var p, out var q) && OnIntegers(p, q) is { } direct) return direct;
        var a = left.Eval(env);
        var b = right.Eval(env);
        if (a is IntValue i && b is IntValue j && OnIntegers(i.Value, j.Value) is { } quick) return quick;
        return Combine(a, b);
    }

    /// <summary>The operator on its evaluated operands; an error it raises is reported at the operator (or the
    /// operand), as lint shows it, and located as Nix 2.8 does: at the expression's start (<c>-</c>, <c>*</c>,
    /// <c>/</c>, <c>++</c>, which it calls as builtins from there), or nowhere (comparisons, <c>//</c>).
    /// A method of its own, so the handler is no part of the frame that evaluated the operands.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Value Combine(Value a, Value b)
    {
        var site = new SourceLocation(Source, operatorSpan.Length > 0 ? operatorSpan : Span);
        try
        {
            switch (op)
            {
                case BinaryOperator.Subtract: return interpreter.Arithmetic('-', a, b, site);
                case BinaryOperator.Multiply: return interpreter.Arithmetic('*', a, b, site);
                case BinaryOperator.Divide: return interpreter.Arithmetic('/', a, b, site);
                case BinaryOperator.Equal: return BoolValue.Of(interpreter.ValuesEqual(a, b, site));
                case BinaryOperator.NotEqual: return BoolValue.Of(!interpreter.ValuesEqual(a, b, site));
                case BinaryOperator.Less: return BoolValue.Of(interpreter.LessThan(a, b, site));
                case BinaryOperator.Greater: return BoolValue.Of(interpreter.LessThan(b, a, site));
                case BinaryOperator.LessOrEqual: return BoolValue.Of(!interpreter.LessThan(b, a, site));
                case BinaryOperator.GreaterOrEqual: return BoolValue.Of(!interpreter.LessThan(a, b, site));
                case BinaryOperator.Update:
                    return interpreter.ForceAttrs(a, left.Location).Update(interpreter.ForceAttrs(b, right.Location));
                case BinaryOperator.Concat:
                {
                    var x = interpreter.ForceList(a, left.Location);
                    var y = interpreter.ForceList(b, right.Location);
                    return ListValue.Concatenate([x, y], site);
                }
                default:
                    throw EvaluationException.Create(EvaluationDiagnostics.Unsupported,
                        "the pipe operators are not supported (experimental in newer Nix)", site);
            }
        }
        catch (EvaluationException e) when (e.Diagnostic.Location is { } at && (at == site || at == left.Location || at == right.Location)
            && e.LocatedByNixAtIfRaisedAt(at, NixLocationOfError(at)))
        {
            throw; // never reached: the filter declines
        }
    }

    /// <summary>Where Nix 2.8 locates an error this operator raised at <paramref name="raisedAt"/> (see <see cref="Combine"/>).</summary>
    private SourceLocation? NixLocationOfError(SourceLocation raisedAt) => op switch
    {
        BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Concat => StartLocation,
        BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual or BinaryOperator.Update => null,
        _ => raisedAt,
    };

    // Whether an operand is itself arithmetic (`acc + x * 2`), whose value would be an integer
    // object made only to be read here once.
    private readonly bool _operandsBoxIntegers = op is not (BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Implies)
        && (IsArithmetic(left) || IsArithmetic(right));

    internal override bool KeepsNoFrame => left.KeepsNoFrame && right.KeepsNoFrame;

    // Whether OnIntegers computes this operator (arithmetic, comparisons), so operands are worth looking at.
    private readonly bool _computedOnIntegers = op is BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide
        or BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.Greater
        or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual;

    // Every operator evaluates its left operand first (through TryEvalInteger too).
    internal override bool ForcesFirst(int slot) => left.ForcesFirst(slot);

    /// <summary>Whether <paramref name="node"/> computes a new integer (see <see cref="TryEvalInteger"/>).</summary>
    internal static bool IsArithmetic(Node node) =>
        node is BinaryNode { ArithmeticSymbol: not null } or ConcatNode { ForceString: false, PartCount: 2 };

    /// <summary>
    /// Both operands as integers without an integer object each (see <see cref="TryEvalInteger"/>);
    /// false when either is not one, and the caller evaluates them the ordinary way: what ran here
    /// is a prefix of that, so nothing runs twice that could be seen.
    /// </summary>
    internal static bool IntegerOperands(Node left, Node right, Env env, out long i, out long j)
    {
        j = 0;
        return left.TryEvalInteger(env, out i) && right.TryEvalInteger(env, out j);
    }

    /// <summary>
    /// Arithmetic or a comparison on two integers that are already known (constants or evaluated
    /// variables) is computed now rather than delayed (<c>f (n - 1)</c>): it cannot fail, diverge
    /// or trace. Its thunk stays (see <see cref="ComputedThunk"/>), since printing shows whether
    /// a value was evaluated.
    /// </summary>
    public override Value Delay(Env env) => ValueWithoutEvaluation(env) is { } value ? new ComputedThunk(value) : base.Delay(env);

    internal override Value? ValueWithoutEvaluation(Env env) =>
        _computedOnIntegers && left.ValueWithoutEvaluation(env) is IntValue i && right.ValueWithoutEvaluation(env) is IntValue j ? OnIntegers(i.Value, j.Value) : null;

    /// <summary><c>-</c>, <c>*</c> or <c>/</c> on integers the operands come to, when none of it can fail.</summary>
    internal override bool TryEvalInteger(Env env, out long value)
    {
        if (ArithmeticSymbol is { } symbol && left.TryEvalInteger(env, out var i) && right.TryEvalInteger(env, out var j))
        {
            return Interpreter.TryIntArithmetic(symbol, i, j, out value);
        }
        value = 0;
        return false;
    }

    internal char? ArithmeticSymbol => op switch
    {
        BinaryOperator.Subtract => '-',
        BinaryOperator.Multiply => '*',
        BinaryOperator.Divide => '/',
        _ => null,
    };

    /// <summary>The result on two integers, or null when the operator is not one that cannot fail on them.</summary>
    private Value? OnIntegers(long i, long j) => op switch
    {
        BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide =>
            Interpreter.TryIntArithmetic(ArithmeticSymbol!.Value, i, j, out var r) ? IntValue.Of(r) : null,
        BinaryOperator.Equal => BoolValue.Of(i == j),
        BinaryOperator.NotEqual => BoolValue.Of(i != j),
        BinaryOperator.Less => BoolValue.Of(i < j),
        BinaryOperator.Greater => BoolValue.Of(i > j),
        BinaryOperator.LessOrEqual => BoolValue.Of(i <= j),
        BinaryOperator.GreaterOrEqual => BoolValue.Of(i >= j),
        _ => null,
    };

    // Inlined: `a || b` on a 10,000-deep thunk chain was one more native frame per level.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ForceBool(Node node, Env env, BinaryNode whole)
    {
        var v = node.Eval(env);
        if (v is not BoolValue b) throw NotABoolean(v, node, whole);
        return b.Value;
    }
}

/// <summary>
/// Nix's concatenation of strings: <c>a + b</c> (<see cref="ForceString"/> false: the first
/// operand decides between number addition, path and string concatenation) and string or
/// path interpolation (<see cref="ForceString"/> true: always a string). <paramref name="nixPartStarts"/>: where
/// Nix 2.8 locates an error coercing each part (an interpolation's <c>${</c>, an operand's opening parenthesis),
/// when not at the part itself.
/// </summary>
internal sealed class ConcatNode(SourceText source, TextSpan span, Node[] parts, bool forceString, Interpreter interpreter, int[]? nixPartStarts = null) : Node(source, span)
{
    public bool ForceString { get; } = forceString;

    internal override SourceLocation? VariableReading(Env env, Value target)
    {
        foreach (var part in parts)
        {
            if (part.VariableReading(env, target) is { } found) return found;
        }
        return null;
    }

    /// <summary>Where part <paramref name="index"/> is (lint's place for an error coercing it).</summary>
    internal SourceLocation PartLocation(int index) => parts[index].Location;

    /// <summary>Where Nix 2.8 reports an error coercing part <paramref name="index"/> to a string.</summary>
    internal SourceLocation NixLocationOfPart(int index) =>
        nixPartStarts is null ? parts[index].Location : new SourceLocation(Source, new TextSpan(nixPartStarts[index], 0));

    internal int PartCount => parts.Length;

    internal override bool KeepsNoFrame => Array.TrueForAll(parts, part => part.KeepsNoFrame);

    // The parts are evaluated in order; a `toString` part's argument is looked at in another way first.
    internal override bool ForcesFirst(int slot) => (_toStringParts & 1) == 0 && parts[0].ForcesFirst(slot);

    // See BinaryNode: `acc + x * 2` adds without an integer object for `x * 2`.
    private readonly bool _operandsBoxIntegers = !forceString && parts.Length == 2
        && (BinaryNode.IsArithmetic(parts[0]) || BinaryNode.IsArithmetic(parts[1]));

    // The parts that are `toString e` calling the builtin itself (a global known when lowering), one
    // bit each: an integer there is formatted straight into the result, without a string and a
    // string value per number (a rendered file has millions of `${toString port}`).
    private readonly ulong _toStringParts = ToStringParts(parts);

    private static ulong ToStringParts(Node[] parts)
    {
        ulong bits = 0;
        for (var i = 0; i < parts.Length && i < 64; i++)
        {
            if (parts[i] is CallNode { Arguments.Length: 1, KnownPrimOp: { Name: "toString", Arity: 1 } }) bits |= 1UL << i;
        }
        return bits;
    }

    public override Value Eval(Env env)
    {
        if (_toStringParts != 0) return EvalFormattingIntegers(env);
        if (!ForceString && parts.Length == 2)
        {
            if (_operandsBoxIntegers && BinaryNode.IntegerOperands(parts[0], parts[1], env, out var x, out var y)
                && Interpreter.TryIntArithmetic('+', x, y, out var direct))
            {
                return IntValue.Of(direct);
            }
            var a = parts[0].Eval(env);
            if (a is IntValue or FloatValue)
            {
                var b = parts[1].Eval(env);
                if (a is IntValue i && b is IntValue j && Interpreter.TryIntArithmetic('+', i.Value, j.Value, out var sum)) return IntValue.Of(sum);
                return interpreter.Arithmetic('+', a, b, new SourceLocation(Source, parts[1].Span));
            }
            return interpreter.ConcatStrings([a, parts[1].Eval(env)], false, parts, this);
        }
        // A string interpolation or a chain of `+`: the operands' values on the stack when few.
        var buffer = new InlineParts<Value>();
        var values = parts.Length <= InlineParts<Value>.Length ? ((Span<Value>)buffer)[..parts.Length] : new Value[parts.Length];
        for (var i = 0; i < parts.Length; i++) values[i] = parts[i].Eval(env);
        return interpreter.ConcatStrings(values, ForceString, parts, this);
    }

    /// <summary>
    /// <see cref="Eval"/> with <c>toString</c> parts: each argument is evaluated as the call would
    /// (errors keep the builtin's frame); an integer is passed on to be formatted in place, anything
    /// else goes through the builtin.
    /// </summary>
    private Value EvalFormattingIntegers(Env env)
    {
        var buffer = new InlineParts<Value>();
        var values = parts.Length <= InlineParts<Value>.Length ? ((Span<Value>)buffer)[..parts.Length] : new Value[parts.Length];
        var numberBuffer = new InlineParts<long>();
        var numbers = parts.Length <= InlineParts<long>.Length ? ((Span<long>)numberBuffer)[..parts.Length] : new long[parts.Length];
        ulong integers = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if ((_toStringParts >> i & 1) == 0)
            {
                values[i] = parts[i].Eval(env);
                continue;
            }
            var call = (CallNode)parts[i];
            var toString = call.KnownPrimOp!;
            var site = call.Location;
            Value argument;
            try
            {
                if (call.Arguments[0].TryEvalInteger(env, out numbers[i]))
                {
                    integers |= 1UL << i;
                    continue;
                }
                argument = call.Arguments[0].Eval(env);
            }
            catch (EvaluationException e) when (!e.IsStackOverflow)
            {
                // As CallNode.CallOnEvaluatedArgument reports it: inside the builtin.
                throw Interpreter.BuiltinFailure(e, toString, site);
            }
            if (argument is IntValue number)
            {
                numbers[i] = number.Value;
                integers |= 1UL << i;
            }
            else
            {
                var args = interpreter.ArgumentArrays.For(toString);
                ValueArray.Set(args, 0, argument);
                values[i] = interpreter.CallPrimOp(toString, args, site);
            }
        }
        return interpreter.ConcatStrings(values, ForceString, parts, this, integers, numbers);
    }

    /// <summary><c>a + b</c> on the integers its operands come to, when it cannot overflow.</summary>
    internal override bool TryEvalInteger(Env env, out long value)
    {
        if (!ForceString && parts.Length == 2 && parts[0].TryEvalInteger(env, out var first) && parts[1].TryEvalInteger(env, out var second))
        {
            return Interpreter.TryIntArithmetic('+', first, second, out value);
        }
        value = 0;
        return false;
    }

    /// <summary><c>a + b</c> on two known integers is computed now (see <see cref="BinaryNode.Delay"/>).</summary>
    public override Value Delay(Env env) => ValueWithoutEvaluation(env) is { } value ? new ComputedThunk(value) : base.Delay(env);

    internal override Value? ValueWithoutEvaluation(Env env) =>
        !ForceString && parts.Length == 2
        && parts[0].ValueWithoutEvaluation(env) is IntValue i && parts[1].ValueWithoutEvaluation(env) is IntValue j
        && Interpreter.TryIntArithmetic('+', i.Value, j.Value, out var sum) ? IntValue.Of(sum) : null;
}
