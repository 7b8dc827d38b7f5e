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

    [Fact]
    public void A_plain_file_that_does_not_hold_the_listed_target_is_refused()
    {
        var source = Directory.CreateTempSubdirectory("configlang-links-source-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(source, "lang", "dir"));
            File.WriteAllText(Path.Combine(source, "lang", "dir", "link"), "elsewhere");
            var error = Assert.Throws<InvalidOperationException>(() =>
                RestoredSymlinkCorpus.MakeCopy(source, [new RestoredSymlinkCorpus.Link("dir/link", "target")]));
            Assert.Contains("holds 'elsewhere'", error.Message);

            var copy = RestoredSymlinkCorpus.MakeCopy(source, [new RestoredSymlinkCorpus.Link("dir/link", "elsewhere")]);
            Assert.Equal("elsewhere", new FileInfo(Path.Combine(copy, "lang", "dir", "link")).LinkTarget);
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }
    }
}
