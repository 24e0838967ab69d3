using System.Diagnostics;
using Azure.Data.Tables;

namespace TetReadiness.Benchmarks;

/// <summary>
/// The page-load section: at each roster size, a fresh Azurite and app; the roster imported in one CSV (time and
/// peak memory), one campaign, a tenth of the units submitting through the API, the status rollup run if the app
/// has it; then, for an officer, a district coordinator and a city coordinator, each on a freshly started instance,
/// a cold page load, a warm one (counted), more warm ones (latency), and the calls one by one (counted per call).
/// </summary>
public sealed class PageLoadRun(BenchOptions options, StorageProxy proxy, Workload workload)
{
    private const string CampaignPrefix = "page-";
    private const int SeedConcurrency = 8;
    private IReadOnlyList<string>? timers;

    public async Task<IReadOnlyList<PageSizeFigures>> RunAsync()
    {
        var figures = new List<PageSizeFigures>();
        proxy.RecordQueries = true;
        try
        {
            foreach (var units in options.PageSizes)
            {
                figures.Add(await MeasureAsync(new PageRoster(units, options.PageMaxSubmissions)));
            }
        }
        finally
        {
            proxy.RecordQueries = false;
        }

        return figures;
    }

    private async Task<PageSizeFigures> MeasureAsync(PageRoster roster)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"== page loads, {roster.Units} units in {roster.Areas} areas, {roster.Reporting.Count} submissions");
        await using var azurite = await Azurite.StartAsync(options.Azurite, options.SplitAzurite);
        proxy.Target(azurite);
        var log = Path.Combine(options.WorkDirectory, $"app-page-{roster.Units}.log");
        var campaignId = $"{CampaignPrefix}{roster.Units}";
        AppProcess? app = null;
        try
        {
            app = await StartAsync(azurite, log);
            var (import, importWindow) = await ImportAsync(app, roster);
            Console.WriteLine($"   import {import.Time.TotalMilliseconds:F0} ms, peak {import.PeakMiB:F0} MiB (before {import.BeforeMiB:F0}){(import.Refusal is null ? string.Empty : ", refused: " + import.Refusal)}");
            var seedTime = TimeSpan.Zero;
            var rollup = false;
            RequestWindow? resubmission = null;
            var pages = new List<(Page Page, RequestWindow Cold, RequestWindow Warm, List<(string, RequestWindow)> ByCall, List<TimeSpan> Latencies)>();
            if (import.Refusal is null)
            {
                using (var http = BenchRun.Client(app))
                {
                    var api = new Api(http);
                    await api.PutCampaignAsync(campaignId, workload.Campaign($"Page loads {roster.Units}", deadlineInDays: 3));
                    var seed = Stopwatch.StartNew();
                    await BenchRun.ForEachAsync(roster.Reporting, SeedConcurrency, i => api.SubmitAsync(campaignId, Workload.UnitId(i), workload.SubmissionBody(i)));
                    seedTime = seed.Elapsed;
                    Console.WriteLine($"   {roster.Reporting.Count} submissions in {seedTime.TotalSeconds:F1} s");

                    // The write path at this size: a resubmission of a unit that has reported, campaign and unit cached.
                    await api.SubmitAsync(campaignId, PageRoster.ResubmittedUnit, workload.SubmissionBody(1));
                    resubmission = await WindowAsync(() => api.SubmitAsync(campaignId, PageRoster.ResubmittedUnit, workload.SubmissionBody(2)));

                    rollup = await api.TryRunFunctionAsync("StatusRollup");
                    Console.WriteLine(rollup ? "   StatusRollup ran" : "   StatusRollup: no such function (404), continuing");
                }

                foreach (var page in Pages(campaignId))
                {
                    // Cold = the first load on an instance that has just started: nothing cached.
                    await app.DisposeAsync();
                    app = null;
                    app = await StartAsync(azurite, log);
                    var measured = await MeasurePageAsync(app, page);
                    pages.Add(measured);
                    Console.WriteLine($"   {page.Caller}: cold {measured.Cold.Kinds.Values.Sum()} requests, warm {measured.Warm.Kinds.Values.Sum()}, median {measured.Latencies.Order().ElementAt(measured.Latencies.Count / 2).TotalMilliseconds:F0} ms");
                }
            }

            // Every window is counted as Azure would against the tables as they stand now (the loads only read).
            var model = new AzureRequestModel(new TableServiceClient(
                $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};TableEndpoint=http://127.0.0.1:{azurite.TablePort}/{Azurite.AccountName};"));
            var figures = new List<PageLoadFigure>();
            foreach (var (page, cold, warm, byCall, latencies) in pages)
            {
                var calls = new List<(string, CountedRequests)>();
                foreach (var (name, window) in byCall)
                {
                    calls.Add((name, await CountedRequests.OfAsync(window, model)));
                }

                figures.Add(new PageLoadFigure(page.Caller, string.Join(", ", page.First.Concat(page.Together).Select(c => c.Name)),
                    await CountedRequests.OfAsync(cold, model), await CountedRequests.OfAsync(warm, model), calls, latencies));
                Console.WriteLine($"   {page.Caller}: as Azure would count, cold {figures[^1].Cold.Azure}, warm {figures[^1].Warm.Azure}");
            }

            return new PageSizeFigures(roster.Units, roster.Areas, import.Refusal is null ? roster.Reporting.Count : 0, roster.Stride, seedTime,
                import with { Requests = await CountedRequests.OfAsync(importWindow, model) }, rollup,
                resubmission is null ? CountedRequests.None : await CountedRequests.OfAsync(resubmission, model), figures, clock.Elapsed);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    private async Task<(RosterImportFigure Figure, RequestWindow Window)> ImportAsync(AppProcess app, PageRoster roster)
    {
        using var http = BenchRun.Client(app);
        var api = new Api(http);
        var csv = roster.Csv();
        await QuietAsync();
        var (_, before) = app.Memory();
        app.ResetPeakMemory();
        var snapshot = proxy.Snapshot();
        var mark = proxy.QueryMark;
        string? refusal = null;
        var clock = Stopwatch.StartNew();
        try
        {
            await api.ImportRosterAsync(csv);
        }
        catch (InvalidOperationException exception)
        {
            refusal = exception.Message;
        }

        clock.Stop();
        var (peak, after) = app.Memory();
        var window = new RequestWindow(BenchRun.TableOnly(proxy.Since(snapshot)), proxy.QueriesSince(mark));
        return (new RosterImportFigure(System.Text.Encoding.UTF8.GetByteCount(csv), clock.Elapsed, before, peak, after, CountedRequests.None, refusal), window);
    }

    private async Task<(Page Page, RequestWindow Cold, RequestWindow Warm, List<(string, RequestWindow)> ByCall, List<TimeSpan> Latencies)> MeasurePageAsync(AppProcess app, Page page)
    {
        using var http = BenchRun.Client(app);
        var api = new Api(http);
        var cold = await WindowAsync(() => LoadAsync(api, page));
        var latencies = new List<TimeSpan>();
        var warm = await WindowAsync(async () => latencies.Add(await LoadAsync(api, page)));
        for (var i = 1; i < options.PageLoads; i++)
        {
            latencies.Add(await LoadAsync(api, page));
        }

        var byCall = new List<(string, RequestWindow)>();
        foreach (var call in page.First.Concat(page.Together))
        {
            byCall.Add((call.Name, await WindowAsync(() => api.GetAsync(call.Path, page.Principal))));
        }

        return (page, cold, warm, byCall, latencies);
    }

    /// <summary>One page load as the browser makes it: the first calls one after another, then the rest together.</summary>
    private static async Task<TimeSpan> LoadAsync(Api api, Page page)
    {
        var clock = Stopwatch.StartNew();
        foreach (var call in page.First)
        {
            await api.GetAsync(call.Path, page.Principal);
        }

        await Task.WhenAll(page.Together.Select(call => api.GetAsync(call.Path, page.Principal)));
        return clock.Elapsed;
    }

    /// <summary>
    /// The officer's form (form.js: its submission, with the review, and its own deadline together) and the dashboard
    /// (status.js, with the review queue of reports awaiting review) as a district and a city coordinator load it.
    /// </summary>
    private static IEnumerable<Page> Pages(string campaignId)
    {
        var campaign = $"api/campaigns/{campaignId}";
        yield return new Page(
            "officer's form",
            Api.Principal(Api.OfficerOf(PageRoster.OfficerUnit), false),
            [new("me", "api/me"), new("open campaigns", "api/campaigns?open=true"), new("campaign", campaign)],
            [new("own submission", $"{campaign}/units/{PageRoster.OfficerUnit}/submission"), new("own deadline", $"{campaign}/units/{PageRoster.OfficerUnit}/deadline")]);
        PageCall[] first = [new("me", "api/me"), new("campaigns", "api/campaigns")];
        PageCall[] together =
        [
            new("campaign", campaign), new("status", $"{campaign}/status"), new("non-reporters", $"{campaign}/non-reporters"),
            new("units", $"{campaign}/units"), new("least-ready items", $"{campaign}/least-ready-items?count=5"),
            new("review queue", $"{campaign}/reviews?state=submitted"),
        ];
        yield return new Page($"district coordinator (one area of {PageRoster.FixedAreaUnits} units)", Api.Principal(PageRoster.DistrictCoordinator, false), first, together);
        yield return new Page("city coordinator", Api.Principal(Api.CityCoordinator, true), first, together);
    }

    /// <summary>The app on this Azurite with every timer switched off, so nothing but the measured calls touches the tables.</summary>
    private async Task<AppProcess> StartAsync(Azurite azurite, string log)
    {
        var settings = BenchRun.Settings(proxy, azurite);
        if (timers is null)
        {
            await using var probe = await AppProcess.StartAsync(options.AppDirectory, settings, log);
            using var http = BenchRun.Client(probe);
            timers = await new Api(http).TimerFunctionsAsync();
        }

        foreach (var timer in timers)
        {
            settings[$"AzureWebJobs__{timer}__Disabled"] = "true";
        }

        var app = await AppProcess.StartAsync(options.AppDirectory, settings, log);
        await QuietAsync();
        return app;
    }

    private async Task<RequestWindow> WindowAsync(Func<Task> action)
    {
        await QuietAsync();
        var snapshot = proxy.Snapshot();
        var mark = proxy.QueryMark;
        await action();
        return new RequestWindow(BenchRun.TableOnly(proxy.Since(snapshot)), proxy.QueriesSince(mark));
    }

    /// <summary>Waits until no table request has arrived for 300 ms (start-up work, projections, the last writes of a seed).</summary>
    private async Task QuietAsync()
    {
        long Tables() => proxy.Snapshot().Where(kv => kv.Key.StartsWith("table ", StringComparison.Ordinal)).Sum(kv => kv.Value);
        var last = Tables();
        var quiet = 0;
        for (var i = 0; i < 600 && quiet < 3; i++)
        {
            await Task.Delay(100);
            var now = Tables();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    private sealed record PageCall(string Name, string Path);

    private sealed record Page(string Caller, string Principal, IReadOnlyList<PageCall> First, IReadOnlyList<PageCall> Together);
}
