namespace ConfigLang.Evaluator.Lowering;

/// <summary>Where the next token starts in source text: after blanks and comments.</summary>
internal static class SyntaxStart
{
    public static int After(string text, int position)
    {
        var i = position;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }
}
