namespace TetReadiness.Reporting;

/// <summary>
/// The pages of a feed response with the first one already read: failures before the first byte become ordinary
/// problem responses; later pages are read only as the response is written.
/// </summary>
public sealed class FeedStream : IAsyncDisposable
{
    private readonly IAsyncEnumerator<FeedPage> pages;
    private bool hasCurrent;

    private FeedStream(IAsyncEnumerator<FeedPage> pages, bool hasCurrent)
    {
        this.pages = pages;
        this.hasCurrent = hasCurrent;
        PagesRead = hasCurrent ? 1 : 0;
    }

    /// <summary>The page to write next, or null when every page has been read.</summary>
    public FeedPage? Current => hasCurrent ? pages.Current : null;

    public int PagesRead { get; private set; }

    public static async Task<FeedStream> OpenAsync(IAsyncEnumerable<FeedPage> source, CancellationToken cancellationToken)
    {
        var pages = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            return new FeedStream(pages, await pages.MoveNextAsync());
        }
        catch
        {
            await pages.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads the next page from storage (one request).</summary>
    public async Task<bool> MoveNextAsync()
    {
        hasCurrent = hasCurrent && await pages.MoveNextAsync();
        PagesRead += hasCurrent ? 1 : 0;
        return hasCurrent;
    }

    public ValueTask DisposeAsync() => pages.DisposeAsync();
}
