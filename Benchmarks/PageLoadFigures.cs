namespace TetReadiness.Benchmarks;

/// <summary>The table requests of one measured window as the proxy saw them: counts by kind, and every query.</summary>
public sealed record RequestWindow(IReadOnlyDictionary<string, long> Kinds, IReadOnlyList<TableQueryRecord> Queries);

/// <summary>A read that spans partitions: Azurite's requests for it, and what Azure would answer (one per partition crossed).</summary>
public sealed record SpanningRead(string Table, int AzuriteRequests, int AzureRequests);

/// <summary>Table requests of one window: as Azurite answered them (raw) and as Azure would (spanning reads expanded).</summary>
public sealed record CountedRequests(long Raw, long Azure, IReadOnlyDictionary<string, long> Kinds, IReadOnlyList<SpanningRead> Spanning)
{
    public static CountedRequests None { get; } = new(0, 0, new Dictionary<string, long>(), []);

    public static async Task<CountedRequests> OfAsync(RequestWindow window, AzureRequestModel model)
    {
        var spanning = new Dictionary<string, (int Azurite, int Azure)>(StringComparer.Ordinal);
        foreach (var query in window.Queries.Where(q => AzureRequestModel.SpansPartitions(q.Filter)))
        {
            var azure = await model.RequestsAsync(query);
            var (a, b) = spanning.GetValueOrDefault(query.Table);
            spanning[query.Table] = (a + 1, b + azure);
        }

        var raw = window.Kinds.Values.Sum();
        var reads = spanning.Select(kv => new SpanningRead(kv.Key, kv.Value.Azurite, kv.Value.Azure)).OrderBy(r => r.Table, StringComparer.Ordinal).ToList();
        return new CountedRequests(raw, raw - reads.Sum(r => r.AzuriteRequests) + reads.Sum(r => r.AzureRequests), window.Kinds, reads);
    }
}

/// <summary>One caller's page: the cold load (a freshly started instance), the next (warm) one, its calls one by one, and latency.</summary>
public sealed record PageLoadFigure(
    string Caller,
    string Calls,
    CountedRequests Cold,
    CountedRequests Warm,
    IReadOnlyList<(string Call, CountedRequests Requests)> ByCall,
    IReadOnlyList<TimeSpan> WarmLatencies)
{
    public TimeSpan MedianLatency => WarmLatencies.Order().ElementAt(WarmLatencies.Count / 2);
}

/// <summary>PUT /api/roster with the whole roster in one CSV: time, requests and the app's resident set around it.</summary>
public sealed record RosterImportFigure(long CsvBytes, TimeSpan Time, double BeforeMiB, double PeakMiB, double AfterMiB, CountedRequests Requests, string? Refusal);

/// <summary>The page-load section at one roster size.</summary>
public sealed record PageSizeFigures(
    int Units,
    int Areas,
    int Submissions,
    int Stride,
    TimeSpan SeedTime,
    RosterImportFigure Import,
    bool RollupRan,
    CountedRequests Resubmission,
    IReadOnlyList<PageLoadFigure> Pages,
    TimeSpan Elapsed);
