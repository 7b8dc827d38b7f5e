using System.Xml;
using System.Xml.Linq;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// XML answers in other shapes than a real one (namecheap's, route53's): the answer without one
/// element at a time, and optionally without one attribute at a time. A list's items are never
/// removed (one fewer is another true answer, not another shape), and only a list's first item is
/// taken apart: it stands for the others.
/// </summary>
internal static class MisshapenXml
{
    /// <summary>The variants of <paramref name="answer"/>; none when it is not XML.</summary>
    /// <param name="listItems">Local names of the elements that are a list's items.</param>
    /// <param name="attributes">Whether to leave out attributes too.</param>
    public static IEnumerable<string> Of(string answer, IReadOnlyCollection<string> listItems, bool attributes)
    {
        XDocument original;
        try
        {
            original = XDocument.Parse(answer);
        }
        catch (XmlException)
        {
            yield break;
        }
        var elements = original.Root!.Descendants().ToList();
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            if (element.AncestorsAndSelf().Any(e => e.ElementsBeforeSelf(e.Name).Any() && listItems.Contains(e.Name.LocalName))) continue;
            if (!listItems.Contains(element.Name.LocalName))
            {
                var without = XDocument.Parse(answer);
                without.Root!.Descendants().ElementAt(i).Remove();
                yield return without.ToString();
            }
            if (!attributes) continue;
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name))
            {
                var without = XDocument.Parse(answer);
                without.Root!.Descendants().ElementAt(i).Attribute(attribute)!.Remove();
                yield return without.ToString();
            }
        }
    }
}
