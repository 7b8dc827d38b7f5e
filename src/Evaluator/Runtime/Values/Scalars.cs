namespace ConfigLang.Evaluator.Runtime.Values;

/// <summary><c>null</c>.</summary>
public sealed class NullValue : Value
{
    public static readonly NullValue Instance = new();

    private NullValue() { }

    public override ValueKind Kind => ValueKind.Null;
}

/// <summary><c>true</c> or <c>false</c>; two shared instances.</summary>
public sealed class BoolValue : Value
{
    public static readonly BoolValue True = new(true);
    public static readonly BoolValue False = new(false);

    private BoolValue(bool value) => Value = value;

    public bool Value { get; }

    public override ValueKind Kind => ValueKind.Bool;

    public static BoolValue Of(bool value) => value ? True : False;
}

/// <summary>A 64-bit signed integer; small ones are shared.</summary>
public sealed class IntValue : Value
{
    private const int CacheLow = -128, CacheHigh = 1024;
    private static readonly IntValue[] Cache = CreateCache();

    private IntValue(long value) => Value = value;

    public long Value { get; }

    public override ValueKind Kind => ValueKind.Int;

    public static IntValue Of(long value) =>
        value >= CacheLow && value < CacheHigh ? Cache[value - CacheLow] : new IntValue(value);

    private static IntValue[] CreateCache()
    {
        var cache = new IntValue[CacheHigh - CacheLow];
        for (var i = 0; i < cache.Length; i++) cache[i] = new IntValue(i + CacheLow);
        return cache;
    }
}

/// <summary>A double-precision float.</summary>
public sealed class FloatValue(double value) : Value
{
    public double Value { get; } = value;

    public override ValueKind Kind => ValueKind.Float;
}

/// <summary>An absolute, normalised file-system path.</summary>
public sealed class PathValue(string path) : Value
{
    public string Path { get; } = path;

    public override ValueKind Kind => ValueKind.Path;
}
