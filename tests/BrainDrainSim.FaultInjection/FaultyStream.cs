namespace BrainDrainSim.FaultInjection;

/// <summary>
/// A write-only stream that passes writes to <c>inner</c> until <c>limit</c> bytes are written, then throws the
/// failure (as a disk that fills up mid-file: the bytes before stay written); optionally runs an action once the
/// file is closed.
/// </summary>
internal sealed class FaultyStream(Stream inner, long limit, Func<Exception>? failure, Action? afterClose) : Stream
{
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        long room = Math.Max(0, limit - _written);
        if (failure is not null && buffer.Length > room)
        {
            inner.Write(buffer[..(int)room]);
            _written += room;
            throw failure();
        }
        inner.Write(buffer);
        _written += buffer.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            afterClose?.Invoke();
        }
        base.Dispose(disposing);
    }
}
