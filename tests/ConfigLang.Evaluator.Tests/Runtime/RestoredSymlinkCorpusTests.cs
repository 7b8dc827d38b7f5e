using ConfigLang.TestSupport;

namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary>
/// The corpus copy that symlink cases run on has every link of restored-symlinks.txt as a real
/// symlink to its target, and only the cases naming those directories run on it.
/// </summary>
public sealed class RestoredSymlinkCorpusTests
{
    [CorpusFact(SharedCorpus.NixLang)]
    public void Every_listed_link_is_a_symlink_to_its_target_in_the_copy()
    {
        Assert.NotEmpty(RestoredSymlinkCorpus.Links);
        foreach (var link in RestoredSymlinkCorpus.Links)
        {
            var info = new FileInfo(Path.Combine(RestoredSymlinkCorpus.Root, "lang", link.Path));
            Assert.Equal(link.Target, info.LinkTarget);
        }
    }

    [CorpusFact(SharedCorpus.NixLang)]
    public void Only_cases_naming_a_restored_directory_need_the_copy()
    {
        Assert.True(RestoredSymlinkCorpus.IsNeededBy(Path.Combine(EvalCorpusRunner.LangDirectory, "eval-okay-readDir.nix")));
        Assert.True(RestoredSymlinkCorpus.IsNeededBy(Path.Combine(EvalCorpusRunner.LangDirectory, "eval-okay-symlink-resolution.nix")));
        Assert.False(RestoredSymlinkCorpus.IsNeededBy(Path.Combine(EvalCorpusRunner.LangDirectory, "eval-okay-arithmetic.nix")));
    }
}
