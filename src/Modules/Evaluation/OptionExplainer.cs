using System.Text.RegularExpressions;
using ConfigLang.Evaluator.Runtime;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;
using ConfigLang.Modules.Lib;
using ConfigLang.Modules.Options;
using ConfigLang.Modules.Properties;

namespace ConfigLang.Modules.Evaluation;

/// <summary>
/// <c>configlang show CONFIG OPTION --explain</c>: where each value came from. For the option at
/// a path (or every defined leaf option below a subtree, going into submodule values such as
/// each <c>security.acme.certs.NAME</c>) it lists the declarations, the type, the resolved
/// value, and every definition, the option's default included, with its location, override
/// priority, <c>mkOrder</c> priority and whether it was used, overridden by a definition of
/// better priority, or disabled by <c>mkIf false</c>.
/// <para>The result is data (see <see cref="Explain"/>) that the CLI prints as JSON or text.</para>
/// </summary>
public sealed partial class OptionExplainer(Interpreter interpreter)
{
    /// <summary>A definition contributes to the value.</summary>
    public const string Used = "used";

    /// <summary>A definition lost to one with a better (lower) override priority.</summary>
    public const string Overridden = "overridden";

    /// <summary>A definition under <c>mkIf false</c>.</summary>
    public const string Disabled = "disabled";

    private readonly List<Value> _entries = [];
    private OptionLevel? _root;

    /// <summary>
    /// <c>{ options = [ { option, type, defined, value, declarations = [ { file, line, column } ],
    /// definitions = [ { file, line, column, kind, priority, order, status, value } ] } ]; }</c>;
    /// a default that is another option's value carries <c>inheritedFrom = { option, file, line, column }</c>.
    /// for <paramref name="path"/> inside the evaluated configuration <paramref name="config"/>.
    /// </summary>
    public AttrSetValue Explain(IReadOnlyList<string> path, Value config)
    {
        var origin = ConfigurationOrigins.Find(config)
            ?? throw Nix.Throw("lib.configlang.explain expects the config of an evalModules result");
        _root = origin.Root;
        object node = origin.Root;
        OptionLeaf? enclosing = null;
        for (var i = 0; i < path.Count; i++)
        {
            var name = path[i];
            node = Step(node, name, ref enclosing) ?? throw Nix.Throw($"The option `{OptionPath.Show(path.Take(i + 1).ToList())}' does not exist.");
        }
        switch (node)
        {
            case OptionLevel level:
                CollectLevel(level);
                break;
            case OptionLeaf leaf:
                if (!leaf.Merged.IsDefined || DescendInto(leaf) == 0) _entries.Add(Describe(leaf));
                break;
            default:
                // A plain value inside an option (an attribute of an attrsOf str, say): its option tells.
                if (enclosing is not null) _entries.Add(Describe(enclosing));
                break;
        }
        return Nix.Attrs(("options", ListValue.Of([.. _entries])));
    }

    /// <summary>One step down the path: into a level of options, an option's value, or a submodule's options.</summary>
    private static object? Step(object node, string name, ref OptionLeaf? enclosing)
    {
        var symbol = Symbol.Intern(name);
        switch (node)
        {
            case OptionLevel level:
                return level.Names.Contains(symbol) ? AsNode(level.Child(symbol)) : null;
            case OptionLeaf leaf:
                enclosing = leaf;
                return Step(leaf.Value, name, ref enclosing);
            case Value value:
                if (value.Force() is not AttrSetValue attrs) return null;
                if (ConfigurationOrigins.Find(attrs) is { } origin && origin.Root.Names.Contains(symbol))
                    return AsNode(origin.Root.Child(symbol));
                return attrs.Get(symbol) is { } inner ? AsNode(inner) : null;
            default:
                return null;
        }
    }

    /// <summary>A submodule configuration stands for its option tree.</summary>
    private static object AsNode(object child) =>
        child is Value value && ConfigurationOrigins.Find(value) is { } origin ? origin.Root : child;

    private void CollectLevel(OptionLevel level)
    {
        foreach (var name in level.Names)
        {
            if (name.Name == "_module") continue;
            switch (level.Child(name))
            {
                case OptionLevel inner:
                    CollectLevel(inner);
                    break;
                case OptionLeaf leaf when leaf.Merged.IsDefined:
                    if (DescendInto(leaf) == 0) _entries.Add(Describe(leaf));
                    break;
            }
        }
    }

    /// <summary>The leaves of the submodule values of an option of submodule type; how many values were submodules.</summary>
    private int DescendInto(OptionLeaf leaf) => leaf.Type.SubModules is null ? 0 : DescendValue(leaf.Value);

    private int DescendValue(Value value)
    {
        switch (value.Force())
        {
            case AttrSetValue attrs when ConfigurationOrigins.Find(attrs) is { } origin:
                CollectLevel(origin.Root);
                return 1;
            case AttrSetValue attrs:
                return attrs.Values.Sum(DescendValue);
            case ListValue list:
                return list.Items.Sum(DescendValue);
            default:
                return 0;
        }
    }

    private AttrSetValue Describe(OptionLeaf leaf)
    {
        var defined = leaf.Merged.IsDefined;
        return Nix.Attrs(
            ("option", Nix.Str(OptionPath.Show(leaf.Loc))),
            ("type", Nix.Str(leaf.Type.Description)),
            ("defined", Nix.Bool(defined)),
            ("value", defined ? PlainValue.From(interpreter, leaf.Value) : Nix.Null),
            ("declarations", ListValue.Of([.. leaf.Declarations.Select(d => (Value)Location(d.File, d.Position))])),
            ("definitions", ListValue.Of([.. Definitions(leaf)])));
    }

    private List<Value> Definitions(OptionLeaf leaf)
    {
        var best = leaf.Merged.HighestPriority;
        var result = new List<Value>();
        if (leaf.DefaultValue is { } defaultValue)
        {
            var declaration = leaf.Declarations.FirstOrDefault(d => Nix.Get(Nix.ForceAttrs(d.Options), "default") is not null)
                ?? leaf.Declarations[0];
            var entry = Entry(declaration.File, declaration.Position, "default", Priorities.OptionDefault, null,
                Priorities.OptionDefault == best ? Used : Overridden, defaultValue);
            result.Add(InheritedFrom(declaration, defaultValue) is { } source
                ? entry.Update(Nix.Attrs(("inheritedFrom", source)))
                : entry);
        }
        foreach (var definition in leaf.Definitions)
        {
            var expanded = new List<(Definition Definition, bool Enabled)>();
            Expand(definition, expanded);
            foreach (var (d, enabled) in expanded)
            {
                var priority = enabled ? Properties.Properties.OverridePriority(d.Value) : PriorityOrPlain(d.Value);
                var content = Properties.Properties.StripOverride(d.Value);
                int? order = null;
                if (enabled && Properties.Properties.IsOrder(content))
                {
                    var stripped = Properties.Properties.StripOrder(d.WithValue(content));
                    content = stripped.Value;
                    order = stripped.OrderPriority;
                }
                var status = !enabled ? Disabled : priority == best ? Used : Overridden;
                result.Add(Entry(d.File, d.Position, "definition", priority, order, status, content));
            }
        }
        return result;
    }

    /// <summary>
    /// <c>mkMerge</c> expanded and <c>mkIf</c> decided, as the merge does; the content of a false
    /// condition is kept, not evaluated further, and marked disabled.
    /// </summary>
    private static void Expand(Definition definition, List<(Definition, bool)> into)
    {
        var forced = definition.Value.Force();
        if (forced is AttrSetValue attrs && attrs.Get(Nix.TypeSym)?.Force() is StringValue tag)
        {
            switch (tag.Text)
            {
                case PropertyNames.Merge:
                    foreach (var item in Nix.ForceList(Nix.Get(attrs, "contents")!).Items) Expand(definition.WithValue(item), into);
                    return;
                case PropertyNames.If:
                    var content = Nix.Get(attrs, "content")!;
                    if (Nix.ForceBool(Nix.Get(attrs, "condition")!)) Expand(definition.WithValue(content), into);
                    else ExpandDisabled(definition.WithValue(content), into, depth: 0);
                    return;
                case PropertyNames.Definition:
                    into.Add((Definition.FromValue(attrs) with { Position = definition.Position }, true));
                    return;
            }
        }
        into.Add((definition, true));
    }

    /// <summary>
    /// The content of a false <c>mkIf</c>: an <c>mkMerge</c> in it stands for its contents, each
    /// disabled, so an empty one (an alias of an unset option, <c>mkIf false (mkMerge [ ])</c>)
    /// shows nothing. A content that cannot even be looked at is shown as it is.
    /// </summary>
    private static void ExpandDisabled(Definition definition, List<(Definition, bool)> into, int depth)
    {
        ListValue? contents = null;
        try
        {
            if (depth < MaxDisabledDepth && definition.Value.Force() is AttrSetValue attrs
                && attrs.Get(Nix.TypeSym)?.Force() is StringValue { Text: PropertyNames.Merge })
                contents = Nix.ForceList(Nix.Get(attrs, "contents")!);
        }
        catch (EvaluationException e) when (e.IsCatchable)
        {
            contents = null;
        }
        if (contents is null)
        {
            into.Add((definition, false));
            return;
        }
        foreach (var item in contents.Items) ExpandDisabled(definition.WithValue(item), into, depth + 1);
    }

    private const int MaxDisabledDepth = 16;

    /// <summary>
    /// Where an option's default comes from when it is another option's value, as the default's
    /// documentation says (<c>defaultText = literalExpression "config.security.acme.defaults.email"</c>)
    /// and the value confirms (the default is that option's very value, not, say, the hard default
    /// of a certificate with <c>inheritDefaults = false</c>): <c>{ option, file, line, column }</c>
    /// of the definition that decides that option, or null when only its own default does.
    /// </summary>
    private AttrSetValue? InheritedFrom(DeclarationSource declaration, Value defaultValue)
    {
        if (_root is null || InheritedPath(declaration) is not { } path) return null;
        object node = _root;
        OptionLeaf? enclosing = null;
        foreach (var name in path)
        {
            if (Step(node, name, ref enclosing) is not { } next) return null;
            node = next;
        }
        if (node is not OptionLeaf source || !source.Merged.IsDefined) return null;
        if (!ReferenceEquals(source.Value.Force(), defaultValue.Force())) return null;
        var decisive = source.Merged.Final.FirstOrDefault(d => d.PresetPriority is null);
        if (decisive is null) return null;
        var location = Location(decisive.File, decisive.Position);
        return Nix.Attrs(("option", Nix.Str(OptionPath.Show(source.Loc)))).Update(location);
    }

    [GeneratedRegex(@"^config((?:\.[A-Za-z_][A-Za-z0-9_'-]*)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionReference();

    /// <summary>The option path in a <c>defaultText</c> of the form <c>literalExpression "config.a.b"</c>.</summary>
    private static string[]? InheritedPath(DeclarationSource declaration)
    {
        if (Nix.Get(Nix.ForceAttrs(declaration.Options), "defaultText")?.Force() is not AttrSetValue text
            || Nix.Get(text, "_type")?.Force() is not StringValue { Text: "literalExpression" }
            || Nix.Get(text, "text")?.Force() is not StringValue expression)
            return null;
        var match = OptionReference().Match(expression.Text);
        return match.Success ? match.Groups[1].Value[1..].Split('.') : null;
    }

    /// <summary>The priority a disabled definition would have had; its content may not evaluate.</summary>
    private static int PriorityOrPlain(Value value)
    {
        try
        {
            return Properties.Properties.OverridePriority(value);
        }
        catch (EvaluationException e) when (e.IsCatchable)
        {
            return Priorities.Plain;
        }
    }

    private AttrSetValue Entry(string file, SourceLocation? position, string kind, int priority, int? order, string status, Value value)
    {
        var location = Location(file, position);
        var builder = new AttrSetBuilder(10);
        for (var i = 0; i < location.Count; i++) builder.Add(location.Names[i], location.Values[i]);
        builder.Add("kind", Nix.Str(kind));
        builder.Add("priority", Nix.Int(priority));
        builder.Add("order", order is { } o ? Nix.Int(o) : Nix.Null);
        builder.Add("status", Nix.Str(status));
        try
        {
            builder.Add("value", PlainValue.From(interpreter, status == Disabled ? WithoutProperties(value) : value));
        }
        catch (EvaluationException e) when (status != Used && !e.IsStackOverflow)
        {
            // A definition that lost (or never applied) was never meant to be evaluated and may
            // well fail (say, `certs.${vhost.useACMEHost}` under `mkIf (vhost.useACMEHost != null)`):
            // say so instead of failing the whole explanation.
            builder.Add("value", Nix.Null);
            builder.Add("error", Nix.Str(e.Diagnostic.Message));
        }
        return builder.Build();
    }

    /// <summary>The content under nested <c>mkIf</c>, <c>mkOverride</c> and <c>mkOrder</c> of a disabled definition, for display.</summary>
    private static Value WithoutProperties(Value value)
    {
        for (var depth = 0; depth < 16; depth++)
        {
            if (value.Force() is not AttrSetValue attrs || attrs.Get(Nix.TypeSym)?.Force() is not StringValue tag
                || tag.Text is not (PropertyNames.If or PropertyNames.Override or PropertyNames.Order))
                return value;
            value = Nix.Get(attrs, "content")!;
        }
        return value;
    }

    private static AttrSetValue Location(string file, SourceLocation? position) => position is { } p
        ? Nix.Attrs(("file", Nix.Str(LibraryPath(p.Source.Path))), ("line", Nix.Int(p.Start.Line)), ("column", Nix.Int(p.Start.Column)))
        : Nix.Attrs(("file", Nix.Str(LibraryPath(file))), ("line", Nix.Null), ("column", Nix.Null));

    private static string LibraryPath(string path) => LibraryFiles.DisplayName(path);
}
