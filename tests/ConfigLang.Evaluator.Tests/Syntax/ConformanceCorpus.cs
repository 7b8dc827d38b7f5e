using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Syntax;

/// <summary>The Nix language test corpus in the shared folder (conformance/nix-lang/lang).</summary>
public static class ConformanceCorpus
{
    public static string Directory { get; } = Path.Combine(SharedCorpus.PathOf(SharedCorpus.NixLang), "lang");

    public static TheoryData<string> Files(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, pattern).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    /// <summary>Every .nix file the eval-okay tests may import (lib.nix, dir1..dir4 and the like), except the tests themselves.</summary>
    public static TheoryData<string> ImportedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.nix", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Directory, file);
            var name = Path.GetFileName(relative);
            if (relative == name && (name.StartsWith("eval-", StringComparison.Ordinal) || name.StartsWith("parse-", StringComparison.Ordinal))) continue;
            data.Add(relative);
        }
        return data;
    }
}
