using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Hosting;
using TetReadiness.LocalHost;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Security;

/// <summary>
/// Local mode as <c>./run.sh</c> runs it, with storage stopped and started again underneath: queue listeners poll,
/// a timer fires and both fail for as long as storage is away, with any retry setting; the host keeps running and,
/// once storage is back, answers health and takes submissions and sends reminders without a restart.
/// </summary>
public sealed class LocalModeStorageOutageTests
{
    private const string CampaignId = "outage";
    private static readonly string Coordinator = HttpCall.Principal("sonoivu@hanoi.invalid", "coordinator");
    private static readonly string Officer = HttpCall.Principal("vanphong@ba-dinh.invalid");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Storage_stopped_under_the_running_host_leaves_it_running_and_it_works_again_once_storage_returns(int maxRetries)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tetreadiness-local-outage-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var log = new LogCapture();
        var azurite = await AzuriteServer.StartAsync(folder);
        LocalModeApp? local = null;
        var stopped = false;
        try
        {
            // Timers as in README except the repair, which fires every two seconds so that it runs during the outage;
            // queue polling as in host.json.
            local = await LocalModeApp.StartAsync(
                new Dictionary<string, string?>
                {
                    ["Storage:MaxRetries"] = maxRetries.ToString(),
                    ["ProjectionRepairSchedule"] = "*/2 * * * * *",
                    ["StatusRollupSchedule"] = "*/2 * * * * *",
                    ["ReminderScanSchedule"] = LocalModeApp.FarAway,
                    ["DailyDigestSchedule"] = LocalModeApp.FarAway,
                    ["Auth:AllowClientPrincipalHeader"] = "true",
                    ["UnitLinks:PrimaryKey"] = "local-outage-signing-key-0123456789abcdef",
                },
                configure: builder => builder.Logging.AddProvider(log),
                azurite: azurite);
            var lifetime = local.App.Services.GetRequiredService<IHostApplicationLifetime>();
            await SeedAsync(local);
            // An item id: written last (with the campaign's checklist), and not part of the folder's name the file also holds.
            await PersistedAsync(folder, "__azurite_db_table__.json", "an-sinh-qua-tet");
            await PersistedAsync(folder, "__azurite_db_queue__.json", QueueNames.Digests + "-poison");

            var outageStart = log.Count;
            stopped = true;
            await azurite.StopAsync();
            // The outage lasts until each listener has failed to poll twice (so it carried on after a failure) and the
            // timer has failed, or the host gives up.
            await WaitUntilAsync(
                () => lifetime.ApplicationStopping.IsCancellationRequested
                    || (log.Since(outageStart).Count(e => e.IsFailedPollOf(QueueNames.Reminders)) >= 2
                        && log.Since(outageStart).Count(e => e.IsFailedPollOf(QueueNames.Digests)) >= 2
                        && log.Since(outageStart).Count(e => e.IsFailedTimerRunOf("ProjectionRepair")) >= 1),
                TimeSpan.FromSeconds(40),
                "the listeners and the timer to fail during the outage");
            Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "The host stopped itself during the outage: " + log.Errors());
            await azurite.StartAsync();
            stopped = false;

            await WaitUntilAsync(async () => await StatusOfAsync(local, "/api/health") == HttpStatusCode.OK, TimeSpan.FromSeconds(15), "health to answer 200");
            using var submit = Request(HttpMethod.Put, $"/api/campaigns/{CampaignId}/units/ba-dinh-ubnd/submission", Officer, new
            {
                answers = new[]
                {
                    new { itemId = "pccc-cho", status = "ready" },
                    new { itemId = "pccc-phuong-tien", status = "ready" },
                    new { itemId = "an-sinh-qua-tet", status = "partial" },
                },
            });
            var submitted = await local.Http.SendAsync(submit);
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

            // The reminder queue's listener survived: a scan's reminders reach the outbox through it.
            using var scan = Request(HttpMethod.Post, "/admin/functions/ReminderScan", Coordinator);
            Assert.Equal(HttpStatusCode.Accepted, (await local.Http.SendAsync(scan)).StatusCode);
            await WaitUntilAsync(
                () => Directory.Exists(local.Outbox) && Directory.GetFiles(local.Outbox, "*.eml").Length == 2,
                TimeSpan.FromSeconds(20),
                "the two reminders of the units that have not reported");
            Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "The host stopped itself: " + log.Errors());
        }
        finally
        {
            if (stopped)
            {
                await azurite.StartAsync();
            }

            if (local is not null)
            {
                await local.DisposeAsync();
            }

            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Tables_and_queues_lost_with_the_storage_are_created_again_without_a_restart()
    {
        var azurite = await AzuriteServer.StartAsync(null);
        LocalModeApp? local = null;
        try
        {
            local = await LocalModeApp.StartAsync(
                new Dictionary<string, string?>
                {
                    ["ProjectionRepairSchedule"] = LocalModeApp.FarAway,
                    ["StatusRollupSchedule"] = LocalModeApp.FarAway,
                    ["ReminderScanSchedule"] = LocalModeApp.FarAway,
                    ["DailyDigestSchedule"] = LocalModeApp.FarAway,
                },
                azurite: azurite);

            // In memory: it comes back empty, as an emulator reset or a deleted account would.
            await azurite.StopAsync();
            await azurite.StartAsync();

            await WaitUntilAsync(async () => await StatusOfAsync(local, "/api/health") == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "health to answer 200");
            foreach (var table in TableNames.All)
            {
                var name = local.Tables.Get(table).Name;
                Assert.Equal(1, await CountAsync(local.Tables.Service.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {name}"))));
            }

            var queues = new QueueServiceClient(azurite.ConnectionString);
            foreach (var queue in QueueNames.All.SelectMany(q => new[] { q, q + "-poison" }))
            {
                await WaitUntilAsync(async () => (await queues.GetQueueClient(queue).ExistsAsync()).Value, TimeSpan.FromSeconds(10), "queue " + queue);
            }
        }
        finally
        {
            if (local is not null)
            {
                await local.DisposeAsync();
            }

            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task Storage_away_at_start_up_gets_its_tables_and_queues_once_it_answers()
    {
        var azurite = await AzuriteServer.StartAsync(null);
        await azurite.StopAsync();
        var log = new LogCapture();
        var prefix = TestApp.NewPrefix();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:MaxRetries"] = "1",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log))
            .AddTetReadiness(configuration)
            .BuildServiceProvider();
        var initializer = services.GetServices<IHostedService>().OfType<StorageInitializer>().Single();
        try
        {
            await initializer.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => log.Since(0).Any(e => e.Category == typeof(StorageInitializer).FullName && e.Level == LogLevel.Warning), TimeSpan.FromSeconds(20), "a failed attempt");
            await azurite.StartAsync();

            var tables = services.GetRequiredService<TableClients>();
            await WaitUntilAsync(
                async () => await CountAsync(tables.Service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}"))) == TableNames.All.Count,
                TimeSpan.FromSeconds(20),
                "every table");
            Assert.False(initializer.ExecuteTask!.IsCompleted && initializer.ExecuteTask.IsFaulted, log.Errors());
        }
        finally
        {
            await initializer.StopAsync(CancellationToken.None);
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_worker_and_local_mode_keep_running_when_a_background_service_fails()
    {
        var settings = new Dictionary<string, string?> { ["Storage"] = "UseDevelopmentStorage=true" };
        LocalModeApp.AddTriggerPlaceholders(settings, "unused-");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var worker = new ServiceCollection().AddTetReadiness(configuration).BuildServiceProvider();
        Assert.Equal(BackgroundServiceExceptionBehavior.Ignore, worker.GetRequiredService<IOptions<HostOptions>>().Value.BackgroundServiceExceptionBehavior);

        await using var local = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(settings));
        Assert.Equal(BackgroundServiceExceptionBehavior.Ignore, local.Services.GetRequiredService<IOptions<HostOptions>>().Value.BackgroundServiceExceptionBehavior);
    }

    private static async Task SeedAsync(LocalModeApp local)
    {
        using var roster = Request(HttpMethod.Put, "/api/roster", Coordinator);
        roster.Content = new StringContent(Seed.RosterCsv, Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await local.Http.SendAsync(roster)).StatusCode);
        var today = VietnamTime.Today(TimeProvider.System);
        var campaign = Seed.Campaign(
            opensAt: VietnamTime.StartOf(today.AddDays(-10)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            deadline: today.ToString("yyyy-MM-dd"));
        using var put = Request(HttpMethod.Put, $"/api/campaigns/{CampaignId}", Coordinator, campaign);
        Assert.Equal(HttpStatusCode.Created, (await local.Http.SendAsync(put)).StatusCode);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string principal, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(HttpCall.PrincipalHeader, principal);
        return request;
    }

    private static async Task<HttpStatusCode?> StatusOfAsync(LocalModeApp local, string path)
    {
        try
        {
            using var response = await local.Http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }

    /// <summary>Azurite saves its databases every few seconds; a stop before that would lose what the test seeded.</summary>
    private static Task PersistedAsync(string folder, string file, string text) =>
        WaitUntilAsync(
            async () =>
            {
                try
                {
                    await using var stream = new FileStream(Path.Combine(folder, file), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    return (await new StreamReader(stream).ReadToEndAsync()).Contains(text, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            $"Azurite to save '{text}' to {file}");

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(100);
        }
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)
    {
        public bool IsFailedPollOf(string queue) =>
            Category == typeof(LocalQueueListener).FullName && Level >= LogLevel.Warning && Equals(Values.GetValueOrDefault("Queue"), queue);

        public bool IsFailedTimerRunOf(string function) =>
            Category == typeof(LocalTimerService).FullName && Level >= LogLevel.Error && Equals(Values.GetValueOrDefault("FunctionName"), function);
    }

    /// <summary>Every log line of the app, with its structured values.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> entries = new();

        public int Count => entries.Count;

        public IReadOnlyList<LogEntry> Since(int index) => entries.Skip(index).ToList();

        public string Errors() => string.Join(" | ", entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message}"));

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value), exception));
            }
        }
    }
}
