using System.Text;
using ConfigLang.Acme.Execution;

namespace ConfigLang.Acme.Tests.Execution;

/// <summary>The tail of a program's output: bounded whatever the program writes, whole lines, valid text.</summary>
public sealed class OutputTailTests
{
    [Fact]
    public async Task Short_output_is_kept_whole()
    {
        var tail = await OutputTail.ReadAsync(new MemoryStream("one\ntwo\n"u8.ToArray()), CancellationToken.None);

        Assert.Equal(new OutputTail("one\ntwo", false), tail);
    }

    [Fact]
    public async Task Many_lines_keep_the_last_twenty()
    {
        var text = string.Concat(Enumerable.Range(1, 100).Select(i => $"line {i}\n"));

        var tail = await OutputTail.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

        Assert.True(tail.Truncated);
        Assert.Equal(Enumerable.Range(81, 20).Select(i => $"line {i}"), tail.Text.Split('\n'));
    }

    [Fact]
    public async Task Endless_multibyte_output_keeps_at_most_four_kilobytes_of_valid_text_from_a_line_start()
    {
        // 50 MB of one long line of three-byte characters, then a last line.
        var stream = new RepeatingStream(Encoding.UTF8.GetBytes(new string('€', 1000)), 50_000_000, "\nthe end\n"u8.ToArray());

        var tail = await OutputTail.ReadAsync(stream, CancellationToken.None);

        Assert.True(tail.Truncated);
        Assert.Equal("the end", tail.Text);
    }

    [Fact]
    public async Task A_cut_inside_a_character_leaves_no_broken_character()
    {
        // One line of 4097 bytes: the 4 KB kept start on the second byte of the euro sign.
        var bytes = Encoding.UTF8.GetBytes("€" + new string('x', OutputTail.MaxBytes - 2));

        var tail = await OutputTail.ReadAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.True(tail.Truncated);
        Assert.Equal(new string('x', OutputTail.MaxBytes - 2), tail.Text);
    }

    [Fact]
    public void Joined_tails_keep_the_bounds()
    {
        var first = new OutputTail(string.Join('\n', Enumerable.Range(1, 15).Select(i => $"out {i}")), false);
        var second = new OutputTail(string.Join('\n', Enumerable.Range(1, 15).Select(i => $"err {i}")), false);

        var joined = OutputTail.Join(first, second);

        Assert.True(joined.Truncated);
        Assert.Equal(20, joined.Text.Split('\n').Length);
        Assert.StartsWith("out 11\n", joined.Text);
        Assert.EndsWith("err 15", joined.Text);
        Assert.Same(first, OutputTail.Join(first, OutputTail.Empty));
    }

    /// <summary>A stream that yields <paramref name="chunk"/> until <paramref name="length"/> bytes, then <paramref name="end"/>, without holding them.</summary>
    private sealed class RepeatingStream(byte[] chunk, long length, byte[] end) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = length + end.Length;
            if (_position >= total) return 0;
            var n = (int)Math.Min(count, total - _position);
            for (var i = 0; i < n; i++, _position++)
            {
                buffer[offset + i] = _position < length ? chunk[_position % chunk.Length] : end[_position - length];
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
