using System.Buffers;
using TetReadiness.FeedSchema;

namespace TetReadiness.Reporting;

/// <summary>
/// Renders feed rows into a page buffer; <see cref="FlushToAsync"/> writes the buffer to the response body and
/// flushes it. Only that call does I/O, asynchronously, so the writer works under hosts that forbid synchronous writes
/// and holds one page at a time, never the whole table.
/// </summary>
public abstract class FeedWriter(FeedTable table) : IDisposable
{
    protected FeedTable Table { get; } = table;

    protected ArrayBufferWriter<byte> Buffer { get; } = new(64 * 1024);

    public static FeedWriter Create(FeedFormat format, FeedTable table) => format switch
    {
        FeedFormat.Csv => new FeedCsvWriter(table),
        _ => new FeedJsonWriter(table),
    };

    public abstract void Start();

    public abstract void WriteRow(FeedRow row);

    public abstract void End();

    public async Task FlushToAsync(Stream body, CancellationToken cancellationToken)
    {
        Commit();
        if (Buffer.WrittenCount > 0)
        {
            await body.WriteAsync(Buffer.WrittenMemory, cancellationToken);
            Buffer.ResetWrittenCount();
        }

        await body.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Moves anything the format writer still holds into <see cref="Buffer"/>.</summary>
    protected virtual void Commit()
    {
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
