using ConfigLang.Evaluator.Runtime.Printing;
using ConfigLang.Evaluator.Runtime.Values;
using ConfigLang.Evaluator.Text;

namespace ConfigLang.Evaluator.Runtime.Builtins;

/// <summary><c>toJSON</c>, <c>fromJSON</c>, <c>toXML</c>, <c>fromTOML</c>.</summary>
internal static class SerializationBuiltins
{
    public static void Register(BuiltinRegistry r)
    {
        r.Add("toJSON", 1, (i, a, s) => JsonPrinter.ToJson(i, a[0], s));
        r.Add("toXML", 1, (i, a, s) => XmlPrinter.ToXml(i, a[0], strict: true, location: false, s));
        r.Add("fromJSON", 1, (i, a, s) => FromJson(i.ForceStringNoContext(a[0], s), s));
        r.Add("fromTOML", 1, (i, a, s) => TomlReader.Parse(i.ForceStringNoContext(a[0], s), s,
            timestamps: i.Options.ExperimentalFeatures.Contains("parse-toml-timestamps")), global: true);
    }

    /// <summary>The value of a JSON document held as a byte string (see <see cref="JsonReader"/>).</summary>
    public static Value FromJson(string text, SourceLocation? site) => JsonReader.Parse(text, site);
}
