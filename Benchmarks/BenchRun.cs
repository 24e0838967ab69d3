using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace TetReadiness.Benchmarks;

public sealed record IngestFigure(int Concurrency, string Path, int Count, double PerSecond, double P50Ms, double P95Ms);

public sealed record SizeFigures(
    int Units,
    int Reported,
    TimeSpan Import,
    IReadOnlyDictionary<string, long> ImportRequests,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> OperationRequests,
    double BulkSubmissionRequests,
    TimeSpan Status,
    TimeSpan NonReporters,
    TimeSpan Scan,
    IReadOnlyDictionary<string, long> ScanWindowRequests,
    int Reminders,
    long EmailsReceived,
    TimeSpan FirstEmail,
    TimeSpan FanOut,
    TimeSpan LongestPause,
    IReadOnlyList<(string Moment, double PeakMiB, double CurrentMiB)> Memory,
    ExportFigure Export);

/// <summary>One run of ExportTables: its time, what it wrote, and the app's resident set before it and at its peak.</summary>
public sealed record ExportFigure(TimeSpan Time, int Tables, long Rows, long Bytes, double BeforeMiB, double PeakMiB, double AfterMiB);

public sealed class BenchResults
{
    public TimeSpan ColdStart { get; set; }

    public TimeSpan WarmStart { get; set; }

    public List<SizeFigures> Sizes { get; } = [];

    public List<PageSizeFigures> PageLoads { get; } = [];

    public List<IngestFigure> Ingest { get; } = [];

    public double RawQueueSendsPerSecond { get; set; }

    public int RawQueueSends { get; set; }

    public string Machine { get; set; } = string.Empty;
}

/// <summary>
/// One benchmark run: a small roster in one Azurite + app, a large roster in a fresh pair, ingest at the end of the
/// small phase. All storage traffic goes through <see cref="StorageProxy"/>, which counts it.
/// </summary>
public sealed class BenchRun(BenchOptions options)
{
    private const int IngestRounds = 3;
    private static readonly TimeSpan IngestRoundTime = TimeSpan.FromSeconds(4);

    /// <summary>How long the fan-out may deliver nothing before the run gives up on the rest: longer than Azurite's queue GC pauses.</summary>
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(90);
    private readonly Workload workload = new(options.Checklist);
    private readonly BenchResults results = new();

    public async Task<BenchResults> RunAsync()
    {
        results.Machine = Machine.Describe();
        await using var proxy = new StorageProxy();
        await proxy.StartAsync();
        using var trace = new StreamWriter(Path.Combine(options.WorkDirectory, "storage-requests.tsv")) { AutoFlush = false };
        proxy.Trace = line =>
        {
            lock (trace)
            {
                trace.WriteLine(line);
            }
        };

        if (!options.RunsEverything)
        {
            results.PageLoads.AddRange(await new PageLoadRun(options, proxy, workload).RunAsync());
            return results;
        }

        // The raw baseline gets a fresh Azurite of its own, so neither side inherits the other's queued messages.
        await using (var azurite = await Azurite.StartAsync(options.Azurite, options.SplitAzurite))
        {
            proxy.Target(azurite);
            await MeasureRawQueueAsync(proxy);
        }

        results.ColdStart = await WithAppAsync(proxy, "small", async (api, app, azurite) =>
        {
            await MeasureSizeAsync(api, app, azurite, proxy, options.SmallRoster);
            if (!options.SkipIngest)
            {
                await MeasureIngestAsync(api, proxy, options.SmallRoster);
            }
        });
        results.WarmStart = await WithAppAsync(proxy, "large", (api, app, azurite) => MeasureSizeAsync(api, app, azurite, proxy, options.LargeRoster));
        results.PageLoads.AddRange(await new PageLoadRun(options, proxy, workload).RunAsync());
        return results;
    }

    /// <summary>A fresh Azurite and the app started on it; returns the app's start-up time.</summary>
    private async Task<TimeSpan> WithAppAsync(StorageProxy proxy, string phase, Func<Api, AppProcess, Azurite, Task> measure)
    {
        await using var azurite = await Azurite.StartAsync(options.Azurite, options.SplitAzurite);
        proxy.Target(azurite);
        await using var app = await AppProcess.StartAsync(options.AppDirectory, Settings(proxy, azurite), Log(phase));
        Console.WriteLine($"app start ({phase}) {app.StartUp.TotalMilliseconds:F0} ms");
        using var http = Client(app);
        await measure(new Api(http), app, azurite);
        return app.StartUp;
    }

    private string Log(string phase) => Path.Combine(options.WorkDirectory, $"app-{phase}.log");

    internal static HttpClient Client(AppProcess app) => new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 256 })
    {
        BaseAddress = app.BaseAddress,
        Timeout = TimeSpan.FromMinutes(5),
    };

    internal static Dictionary<string, string> Settings(StorageProxy proxy, Azurite azurite) => new()
    {
        // Blobs straight to Azurite: only the nightly export writes them, and the proxy counts table and queue requests.
        ["Storage"] = proxy.ConnectionString + $"BlobEndpoint={azurite.BlobEndpoint};",
        ["AzureWebJobsStorage"] = proxy.ConnectionString,
        ["Auth__AllowClientPrincipalHeader"] = "true",
        ["UnitLinks__PrimaryKey"] = "bench-unit-link-key-0123456789abcdef0123456789abcdef",
        ["SendGrid__ApiKey"] = "bench",
        ["SendGrid__Host"] = $"http://127.0.0.1:{proxy.SendGridPort}",
        ["SendGrid__FromEmail"] = "bench@bench.invalid",
        ["App__PublicBaseUrl"] = "http://127.0.0.1",
        // Timers far away: the benchmark runs ReminderScan itself through the admin API.
        ["ReminderScanSchedule"] = "0 0 0 1 1 *",
        ["DailyDigestSchedule"] = "0 0 0 1 1 *",
        ["ProjectionRepairSchedule"] = "0 0 0 1 1 *",
        ["StatusRollupSchedule"] = "0 0 0 1 1 *",
        ["ExportTablesSchedule"] = "0 0 0 1 1 *",
        ["RedrivePoisonSchedule"] = "0 0 0 1 1 *",
        ["Logging__LogLevel__Default"] = "Warning",
        ["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private async Task MeasureSizeAsync(Api api, AppProcess app, Azurite azurite, StorageProxy proxy, int units)
    {
        Console.WriteLine($"== roster of {units} units");
        var memory = new List<(string, double, double)>();
        void Sample(string moment)
        {
            var (peak, current) = app.Memory();
            memory.Add((moment, peak, current));
        }

        Sample("after start-up");
        var before = proxy.Snapshot();
        var import = await api.ImportRosterAsync(Workload.RosterCsv(units));
        var importRequests = proxy.Since(before);
        Sample("after roster import");

        var campaignId = $"bench-{units}";
        await api.PutCampaignAsync(campaignId, workload.Campaign($"Benchmark {units}", deadlineInDays: 0));

        var operations = new Dictionary<string, IReadOnlyDictionary<string, long>>();
        async Task Count(string name, Func<Task> operation)
        {
            await Task.Delay(300); // let the local queue listeners' idle polls settle out of the window
            var snapshot = proxy.Snapshot();
            await operation();
            operations[name] = TableOnly(proxy.Since(snapshot));
        }

        await Count("submission (campaign and unit not cached)", () => api.SubmitAsync(campaignId, Workload.UnitId(0), workload.SubmissionBody(0)));
        await Count("submission (campaign cached, unit not cached)", () => api.SubmitAsync(campaignId, Workload.UnitId(1), workload.SubmissionBody(1)));
        await Count("resubmission (both cached)", () => api.SubmitAsync(campaignId, Workload.UnitId(1), workload.SubmissionBody(2)));

        // 10 % of the units report (distinct units, concurrency 8): the average cost of a first submission.
        var reported = units / 10;
        var bulkBefore = proxy.Snapshot();
        await ForEachAsync(Enumerable.Range(2, reported - 2), 8, i => api.SubmitAsync(campaignId, Workload.UnitId(i), workload.SubmissionBody(i)));
        var bulk = TableOnly(proxy.Since(bulkBefore)).Values.Sum() / (double)(reported - 2);

        await api.StatusAsync(campaignId);
        await api.NonReportersAsync(campaignId);
        await Count("status", () => api.StatusAsync(campaignId));
        await Count("non-reporters", () => api.NonReportersAsync(campaignId));
        var status = await MedianAsync(() => api.StatusAsync(campaignId));
        var nonReporters = await MedianAsync(() => api.NonReportersAsync(campaignId));
        Sample("after status and non-reporters");

        // Reminder fan-out: every silent unit gets a deadline-day reminder, sent through the SendGrid capture.
        var silent = units - reported;
        var emailsBefore = proxy.EmailsReceived;
        var scanBefore = proxy.Snapshot();
        var elapsedBefore = proxy.ElapsedSnapshot();
        var started = DateTime.UtcNow;
        var scan = await api.RunReminderScanAsync();
        Sample("after reminder scan");
        var lastProgress = Stopwatch.StartNew();
        var seen = 0L;
        while (proxy.EmailsReceived - emailsBefore < silent && lastProgress.Elapsed < QuietLimit)
        {
            await Task.Delay(50);
            if (proxy.EmailsReceived != seen)
            {
                seen = proxy.EmailsReceived;
                lastProgress.Restart();
            }
        }

        var emails = proxy.EmailsReceived - emailsBefore;
        var fanOut = proxy.LastEmailAt - started;
        await QuietAsync(proxy);
        var scanWindow = proxy.Since(scanBefore);
        Sample("after reminder fan-out");
        var elapsed = proxy.ElapsedSnapshot();
        foreach (var (kind, count) in scanWindow.OrderByDescending(kv => kv.Value))
        {
            var ms = TimeSpan.FromTicks(elapsed.GetValueOrDefault(kind) - elapsedBefore.GetValueOrDefault(kind)).TotalMilliseconds;
            Console.WriteLine($"     {kind}: {count} requests, mean {ms / count:F1} ms");
        }

        var arrivals = proxy.EmailArrivals().Skip((int)emailsBefore).ToList();
        var longestPause = TimeSpan.FromTicks(arrivals.Zip(arrivals.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max());
        var firstEmail = arrivals.Count == 0 ? TimeSpan.Zero : new DateTime(arrivals[0], DateTimeKind.Utc) - started;
        Console.WriteLine($"     first email after {firstEmail.TotalMilliseconds:F0} ms, longest pause between two emails {longestPause.TotalMilliseconds:F0} ms");
        Console.WriteLine($"   import {import.TotalMilliseconds:F0} ms, status {status.TotalMilliseconds:F0} ms, scan {scan.TotalMilliseconds:F0} ms, {emails}/{silent} emails in {fanOut.TotalSeconds:F1} s");

        var export = await MeasureExportAsync(api, app, azurite);
        Console.WriteLine($"   export {export.Rows} rows of {export.Tables} tables, {export.Bytes / 1024.0:F0} KiB gzip, in {export.Time.TotalMilliseconds:F0} ms; peak {export.PeakMiB:F0} MiB (before {export.BeforeMiB:F0} MiB)");

        results.Sizes.Add(new SizeFigures(units, reported, import, importRequests, operations, bulk, status, nonReporters, scan, scanWindow, silent, emails, firstEmail, fanOut, longestPause, memory, export));
    }

    /// <summary>
    /// The nightly backup of every table after the rest of the phase has filled them, run through the admin API. The
    /// app's peak resident set is reset just before (clear_refs), so the peak is the export's own.
    /// </summary>
    private static async Task<ExportFigure> MeasureExportAsync(Api api, AppProcess app, Azurite azurite)
    {
        await Task.Delay(500); // the reminder senders' last writes settle out of the window
        var (_, before) = app.Memory();
        app.ResetPeakMemory();
        var time = await api.RunExportTablesAsync();
        var (peak, after) = app.Memory();

        var container = new BlobServiceClient($"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};BlobEndpoint={azurite.BlobEndpoint};")
            .GetBlobContainerClient("backups");
        var bytes = 0L;
        string? manifest = null;
        await foreach (var blob in container.GetBlobsAsync())
        {
            bytes += blob.Properties.ContentLength ?? 0;
            manifest = blob.Name.EndsWith("/manifest.json", StringComparison.Ordinal) ? blob.Name : manifest;
        }

        var tables = JsonNode.Parse((await container.GetBlobClient(manifest).DownloadContentAsync()).Value.Content.ToString())!["tables"]!.AsArray();
        return new ExportFigure(time, tables.Count, tables.Sum(t => t!["rows"]!.GetValue<long>()), bytes, before, peak, after);
    }

    /// <summary>Waits until the reminder senders' last state updates and deletes have gone through.</summary>
    private static async Task QuietAsync(StorageProxy proxy)
    {
        var last = proxy.Snapshot().Where(kv => !kv.Key.Contains("queue", StringComparison.Ordinal) || kv.Key.Contains("reminders", StringComparison.Ordinal)).Sum(kv => kv.Value);
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(500);
            var now = proxy.Snapshot().Where(kv => !kv.Key.Contains("queue", StringComparison.Ordinal) || kv.Key.Contains("reminders", StringComparison.Ordinal)).Sum(kv => kv.Value);
            if (now == last)
            {
                return;
            }

            last = now;
        }
    }

    internal static IReadOnlyDictionary<string, long> TableOnly(Dictionary<string, long> counts) =>
        counts.Where(kv => kv.Key.StartsWith("table ", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static async Task<TimeSpan> MedianAsync(Func<Task<TimeSpan>> call)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            times.Add(await call());
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private async Task MeasureIngestAsync(Api api, StorageProxy proxy, int units)
    {
        Console.WriteLine("== ingest");
        var tables = new TableServiceClient(proxy.ConnectionString);
        var revisions = tables.GetTableClient("SubmissionRevisions");
        var submissions = tables.GetTableClient("Submissions");
        var answers = tables.GetTableClient("Answers");
        var items = workload.Items;

        await api.PutCampaignAsync("ingest-warmup", workload.Campaign("Warm-up", 30));
        await ForEachAsync(Enumerable.Range(0, 40), 8, i => api.SubmitAsync("ingest-warmup", Workload.UnitId(i), workload.SubmissionBody(i)));
        await ForEachAsync(Enumerable.Range(0, 40), 8, i => RawSubmitAsync("raw-warmup", Workload.UnitId(i)));

        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            var campaignId = $"ingest-c{concurrency}";
            await api.PutCampaignAsync(campaignId, workload.Campaign($"Ingest {concurrency}", 30));
            await api.SubmitAsync(campaignId, Workload.UnitId(units - 1), workload.SubmissionBody(0)); // caches the campaign
            // App and raw take turns, three rounds each, so that neither gets the quieter moments of the machine.
            var (app, raw) = (new Load(), new Load());
            for (var round = 0; round < IngestRounds; round++)
            {
                await app.RunRoundAsync(concurrency, units - 1, (i, token) => api.SubmitAsync(campaignId, Workload.UnitId(i), workload.SubmissionBody(i), token));
                await raw.RunRoundAsync(concurrency, units - 1, (i, _) => RawSubmitAsync($"raw-c{concurrency}", Workload.UnitId(i)));
            }

            results.Ingest.Add(app.Figure(concurrency, "app (HTTP)"));
            results.Ingest.Add(raw.Figure(concurrency, "raw (Azure.Data.Tables)"));
            Console.WriteLine($"   c={concurrency}: app {results.Ingest[^2].PerSecond:F1}/s, raw {results.Ingest[^1].PerSecond:F1}/s");
        }

        async Task<TimeSpan> RawSubmitAsync(string campaignId, string unitId)
        {
            var clock = Stopwatch.StartNew();
            var now = DateTimeOffset.UtcNow;
            var partition = $"{campaignId}|{unitId}";
            var header = new TableEntity(partition, "r0000000001")
            {
                ["RowType"] = "revision",
                ["CampaignId"] = campaignId,
                ["UnitId"] = unitId,
                ["UnitName"] = "Đơn vị thử",
                ["DistrictId"] = "d-000",
                ["DistrictName"] = "Phường thử",
                ["Revision"] = 1,
                ["SubmittedAt"] = now,
                ["FirstSubmittedAt"] = now,
                ["Late"] = false,
                ["OnTime"] = true,
                ["Readiness"] = 0.7,
                ["ChecklistVersion"] = 1,
                ["AnswerCount"] = items.Count,
                ["ReadyCount"] = 12,
                ["PartialCount"] = 4,
                ["NotReadyCount"] = 4,
                ["NotApplicableCount"] = 5,
                ["SubmittedBy"] = Api.OfficerOf(unitId),
                ["SubmittedVia"] = "entra",
            };
            TableEntity Answer(string pk, string rk, (string SectionId, string ItemId) item) => new(pk, rk)
            {
                ["RowType"] = "answer",
                ["CampaignId"] = campaignId,
                ["UnitId"] = unitId,
                ["DistrictId"] = "d-000",
                ["Revision"] = 1,
                ["ChecklistVersion"] = 1,
                ["SectionId"] = item.SectionId,
                ["ItemId"] = item.ItemId,
                ["Status"] = "ready",
                ["Score"] = 1.0,
                ["SubmittedAt"] = now,
            };
            var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Add, header) };
            batch.AddRange(items.Select(item => new TableTransactionAction(TableTransactionActionType.Add, Answer(partition, $"r0000000001|{item.ItemId}", item))));
            await revisions.SubmitTransactionAsync(batch);
            // The app's Submissions row is the newest header's columns plus its projection flags.
            var latest = new TableEntity(header) { PartitionKey = campaignId, RowKey = unitId };
            latest["RowType"] = "latest";
            latest["ProjectionPending"] = false;
            latest["PendingRevision"] = 1;
            await submissions.UpsertEntityAsync(latest, TableUpdateMode.Replace);
            await answers.SubmitTransactionAsync(items.Select(item => new TableTransactionAction(TableTransactionActionType.Add, Answer(campaignId, $"{unitId}|{item.ItemId}", item))));
            return clock.Elapsed;
        }
    }

    /// <summary>Submissions at a fixed concurrency over rounds of <see cref="IngestRoundTime"/>, each unit once.</summary>
    private sealed class Load
    {
        private readonly List<double> latencies = [];
        private TimeSpan elapsed;
        private int next = -1;

        public async Task RunRoundAsync(int concurrency, int maxCount, Func<int, CancellationToken, Task<TimeSpan>> submit)
        {
            var round = new ConcurrentBag<double>();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int index;
                while (clock.Elapsed < IngestRoundTime && (index = Interlocked.Increment(ref next)) < maxCount)
                {
                    round.Add((await submit(index, CancellationToken.None)).TotalMilliseconds);
                }
            }));
            elapsed += clock.Elapsed;
            latencies.AddRange(round);
        }

        public IngestFigure Figure(int concurrency, string path)
        {
            var sorted = latencies.Order().ToArray();
            return new IngestFigure(concurrency, path, sorted.Length, sorted.Length / elapsed.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.95));
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private async Task MeasureRawQueueAsync(StorageProxy proxy)
    {
        Console.WriteLine("== raw queue sends");
        var queue = new QueueClient(proxy.ConnectionString, "raw-bench");
        await queue.CreateIfNotExistsAsync();
        var body = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(new string('x', 420)));
        for (var i = 0; i < 32; i++)
        {
            await queue.SendMessageAsync(body); // warm-up: connections and JIT, outside the clock
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 3000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, token) =>
        {
            if (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await queue.SendMessageAsync(body, token);
                Interlocked.Increment(ref count);
            }
        });
        results.RawQueueSends = count;
        results.RawQueueSendsPerSecond = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"   {results.RawQueueSendsPerSecond:F0} messages/s");
    }

    internal static Task ForEachAsync(IEnumerable<int> indexes, int parallelism, Func<int, Task<TimeSpan>> body) =>
        Parallel.ForEachAsync(indexes, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) => await body(i));
}

public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var kib = long.Parse(memory.Split(' ')[0]);
        return $"{Environment.ProcessorCount} cores ({model}), {kib / 1024.0 / 1024.0:F1} GiB memory (MemTotal {memory}), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
