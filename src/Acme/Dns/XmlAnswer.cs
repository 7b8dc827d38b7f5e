using System.Xml;
using System.Xml.Linq;

namespace ConfigLang.Acme.Dns;

/// <summary>
/// Reads a DNS API's XML answer (Route 53's, Namecheap's) with document type declarations refused
/// and nothing resolved: a hostile or spoofed answer could otherwise expand entities into
/// megabytes or make the root-run process fetch files and URLs it names.
/// </summary>
internal static class XmlAnswer
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <exception cref="XmlException">Not XML, or XML with a document type declaration.</exception>
    public static XDocument Parse(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        return XDocument.Load(reader);
    }

    /// <summary>Whether an answer that failed to parse carries a document type declaration (the likely reason).</summary>
    public static bool DeclaresDocumentType(string text) => text.Contains("<!DOCTYPE", StringComparison.Ordinal);

    /// <summary>What an answer that failed to parse was, for an error: the providers word it alike.</summary>
    public static string Describe(string text) =>
        DeclaresDocumentType(text) ? "an XML answer with a document type declaration, which is refused" : "not an XML answer";
}
