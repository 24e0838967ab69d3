namespace TetReadiness.Tests.Reporting;

/// <summary>A response body that remembers how many storage page requests had been made when its first byte arrived.</summary>
public sealed class RecordingBody(Func<int> pageRequests) : MemoryStream
{
    public int? PageRequestsAtFirstWrite { get; private set; }

    public int Flushes { get; private set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Note(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Note(buffer.Length);
        base.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Note(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Note(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return base.FlushAsync(cancellationToken);
    }

    private void Note(int count)
    {
        if (count > 0 && PageRequestsAtFirstWrite is null)
        {
            PageRequestsAtFirstWrite = pageRequests();
        }
    }
}
