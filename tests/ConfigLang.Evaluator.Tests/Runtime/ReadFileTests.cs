namespace ConfigLang.Evaluator.Tests.Runtime;

/// <summary><c>builtins.readFile</c> widens a file into a string as it reads it, in blocks: every
/// byte arrives, in order, whatever the file's size against the block.</summary>
public sealed class ReadFileTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(300001)]
    public void Every_byte_of_a_file_is_read(int size)
    {
        var bytes = new byte[size];
        for (var k = 0; k < size; k++) bytes[k] = (byte)(k % 255 + 1);
        bytes[^1] = (byte)'z';
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, bytes);
            var expression = $"let t = builtins.readFile {file}; in [ (builtins.stringLength t) (builtins.hashString \"sha256\" t) (builtins.substring {size - 1} 1 t) ]";
            var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            Assert.Equal($"[ {size} \"{sha256}\" \"z\" ]", Evaluate.Value(expression));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_file_that_does_not_tell_its_length_is_read_whole() =>
        Assert.Equal("true", Evaluate.Value("builtins.match \".*Name:.*\" (builtins.readFile /proc/self/status) != null"));
}
