using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// JSON answers in other shapes than a real one, as an API change, a proxy's error page or a
/// hostile endpoint may send them: other top-level values, and the answer with one member or item
/// made null or of another kind (a list becomes an object, anything else a list), and with one
/// object member left out (the first <see cref="MaxNodes"/> of them, depth first; of a list, its
/// first item). A list is never made empty: that is a well-formed answer ("none"); a list left
/// out is not, where the provider must tell "none" from "not said".
/// </summary>
internal static class MisshapenJson
{
    private const int MaxNodes = 16;

    /// <summary>The variants of <paramref name="answer"/>; none when it is not JSON.</summary>
    public static IEnumerable<string> Of(string answer)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            yield break;
        }
        foreach (var other in new[] { "{}", "[]", "null", "\"text\"", "7" })
        {
            if (other != answer.Trim()) yield return other;
        }
        if (root is null) yield break;
        var paths = new List<List<object>>();
        Collect(root, [], paths);
        foreach (var path in paths.Take(MaxNodes))
        {
            yield return Replaced(answer, path, otherKind: false);
            yield return Replaced(answer, path, otherKind: true);
            if (path[^1] is string) yield return Removed(answer, path);
        }
    }

    /// <summary><paramref name="answer"/> without the member at <paramref name="dottedPath"/> (<c>result.id</c>).</summary>
    public static string Without(string answer, string dottedPath) => Removed(answer, [.. dottedPath.Split('.')]);

    /// <summary>The paths (member names and item indexes) of every node under <paramref name="node"/>.</summary>
    private static void Collect(JsonNode node, List<object> path, List<List<object>> paths)
    {
        IEnumerable<(object Step, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(member => ((object)member.Key, member.Value)),
            // The first item stands for the others: a long list of domains adds no other shape.
            JsonArray a => a.Take(1).Select(item => ((object)0, item)),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            List<object> childPath = [.. path, step];
            paths.Add(childPath);
            if (child is not null) Collect(child, childPath, paths);
        }
    }

    /// <summary><paramref name="answer"/> without the object member at <paramref name="path"/>.</summary>
    private static string Removed(string answer, List<object> path)
    {
        var root = JsonNode.Parse(answer)!;
        var parent = Parent(root, path);
        Assert.True(parent.AsObject().Remove((string)path[^1]), $"no {string.Join('.', path)} in {answer}");
        return root.ToJsonString();
    }

    /// <summary>The node that holds the last step of <paramref name="path"/>.</summary>
    private static JsonNode Parent(JsonNode root, List<object> path)
    {
        var parent = root;
        foreach (var step in path[..^1]) parent = step is int i ? parent[i]! : parent[(string)step]!;
        return parent;
    }

    /// <summary>The node at <paramref name="path"/> made null, or with <paramref name="otherKind"/> an object for a list and a list for anything else.</summary>
    private static string Replaced(string answer, List<object> path, bool otherKind)
    {
        var root = JsonNode.Parse(answer)!;
        var parent = Parent(root, path);
        var current = path[^1] is int at ? parent[at] : parent[(string)path[^1]];
        JsonNode? replacement = !otherKind ? null : current is JsonArray ? new JsonObject() : new JsonArray();
        if (path[^1] is int index) parent.AsArray()[index] = replacement;
        else parent.AsObject()[(string)path[^1]] = replacement;
        return root.ToJsonString();
    }
}
