using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Benchmarks;

/// <summary>
/// A counting HTTP proxy in front of Azurite (one loopback port for tables, one for queues) and a loopback SendGrid
/// capture. Every storage request the app (or the raw SDK baseline) makes passes here once and is counted by kind,
/// e.g. <c>table query Units</c>, <c>table batch Answers</c>, <c>queue enqueue reminders</c>.
/// </summary>
public sealed partial class StorageProxy : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> elapsedTicks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> emailTicks = new();
    private readonly ConcurrentQueue<TableQueryRecord> queries = new();
    private readonly HttpClient forward = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 256,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    { Timeout = TimeSpan.FromMinutes(5) };

    private WebApplication? app;
    private long emails;
    private long lastEmailTicks;

    /// <summary>One line per storage request (time, kind, status, ms) when set: for finding stalls.</summary>
    public Action<string>? Trace { get; set; }

    public int TablePort { get; } = LoopbackPorts.Free();

    public int QueuePort { get; } = LoopbackPorts.Free();

    public int SendGridPort { get; } = LoopbackPorts.Free();

    public int AzuriteTablePort { get; private set; }

    public int AzuriteQueuePort { get; private set; }

    public long EmailsReceived => Interlocked.Read(ref emails);

    public DateTime LastEmailAt => new(Interlocked.Read(ref lastEmailTicks), DateTimeKind.Utc);

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{Azurite.AccountName};TableEndpoint=http://127.0.0.1:{TablePort}/{Azurite.AccountName};";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.ListenLocalhost(TablePort);
            kestrel.ListenLocalhost(QueuePort);
            kestrel.ListenLocalhost(SendGridPort);
        });
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
    }

    /// <summary>Time Azurite took to answer, summed by kind (from the forward to the end of the response).</summary>
    public IReadOnlyDictionary<string, long> ElapsedSnapshot() => new Dictionary<string, long>(elapsedTicks, StringComparer.Ordinal);

    /// <summary>When each email reached the SendGrid capture (UTC ticks), in arrival order.</summary>
    public IReadOnlyList<long> EmailArrivals() => [.. emailTicks];

    /// <summary>Forwards to this Azurite from now on.</summary>
    public void Target(Azurite azurite)
    {
        AzuriteTablePort = azurite.TablePort;
        AzuriteQueuePort = azurite.QueuePort;
    }

    /// <summary>When set, every table query (not point reads) is kept with its filter and paging, for <see cref="AzureRequestModel"/>.</summary>
    public bool RecordQueries { get; set; }

    /// <summary>How many table queries have been recorded so far: a mark for <see cref="QueriesSince"/>.</summary>
    public int QueryMark => queries.Count;

    /// <summary>The table queries recorded since <paramref name="mark"/>, in arrival order.</summary>
    public IReadOnlyList<TableQueryRecord> QueriesSince(int mark) => [.. queries.Skip(mark)];

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(counts, StringComparer.Ordinal);

    /// <summary>Requests counted since <paramref name="before"/>, by kind.</summary>
    public Dictionary<string, long> Since(IReadOnlyDictionary<string, long> before) =>
        Snapshot().Select(kv => (kv.Key, Value: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Value > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        forward.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        if (port == SendGridPort)
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref emails);
            Interlocked.Exchange(ref lastEmailTicks, DateTime.UtcNow.Ticks);
            emailTicks.Enqueue(DateTime.UtcNow.Ticks);
            context.Response.StatusCode = 202;
            return;
        }

        var table = port == TablePort;
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var path = context.Request.Path.Value ?? "/";
        var kind = Classify(table, context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, body);
        counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var target = $"http://127.0.0.1:{(table ? AzuriteTablePort : AzuriteQueuePort)}{context.Request.Path}{context.Request.QueryString}";
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        if (body.Length > 0 || context.Request.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var header in context.Request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        HttpResponseMessage forwarded;
        try
        {
            forwarded = await forward.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            Trace?.Invoke($"{DateTime.UtcNow:HH:mm:ss.fff}\t{kind}\tFORWARD FAILED {exception.GetType().Name}: {exception.Message}\t{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1}");
            throw;
        }

        using var response = forwarded;
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        if (RecordQueries && table && kind.StartsWith("table query ", StringComparison.Ordinal))
        {
            var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(context.Request.QueryString.Value);
            queries.Enqueue(new TableQueryRecord(
                kind["table query ".Length..],
                parameters.TryGetValue("$filter", out var filter) ? filter.ToString() : string.Empty,
                parameters.TryGetValue("NextPartitionKey", out var from) ? from.ToString() : null,
                response.Headers.TryGetValues("x-ms-continuation-NextPartitionKey", out var next) ? next.FirstOrDefault() : null));
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks;
        elapsedTicks.AddOrUpdate(kind, elapsed, (_, n) => n + elapsed);
        Trace?.Invoke($"{DateTime.UtcNow:HH:mm:ss.fff}\t{kind}\t{(int)response.StatusCode}\t{TimeSpan.FromTicks(elapsed).TotalMilliseconds:F1}");
    }

    /// <summary>"table query Units", "table point Reminders", "table batch Answers", "queue dequeue reminders", ...</summary>
    private static string Classify(bool table, string method, string path, string query, MemoryStream body)
    {
        var segments = path.Trim('/').Split('/', 3);
        var resource = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : string.Empty;
        if (!table)
        {
            var queue = resource;
            var kind = (method, segments.Length > 2 && segments[2].StartsWith("messages", StringComparison.Ordinal)) switch
            {
                ("POST", true) => "enqueue",
                ("GET", true) => query.Contains("peekonly", StringComparison.OrdinalIgnoreCase) ? "peek" : "dequeue",
                ("DELETE", true) => "delete",
                ("PUT", true) => "update",
                _ => method.ToLowerInvariant() + " queue",
            };
            return $"queue {kind} {queue}";
        }

        if (resource == "$batch")
        {
            var text = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)Math.Min(body.Length, 4096));
            var match = BatchTable().Match(text);
            return $"table batch {(match.Success ? match.Groups[1].Value : "?")}";
        }

        var name = resource.Split('(')[0];
        if (name == "Tables")
        {
            return "table create-table";
        }

        var point = resource.Contains("PartitionKey=", StringComparison.Ordinal) || resource.Contains("(PartitionKey", StringComparison.Ordinal);
        var operation = method switch
        {
            "GET" when point => "point read",
            "GET" => "query",
            "POST" => "insert",
            "PUT" => "upsert/replace",
            "MERGE" or "PATCH" => "merge",
            "DELETE" => "delete",
            _ => method,
        };
        return $"table {operation} {name}";
    }

    [GeneratedRegex(@"(?:POST|PUT|MERGE|PATCH|DELETE|GET) https?://[^/\s]+/[^/\s]+/([A-Za-z0-9]+)")]
    private static partial Regex BatchTable();
}
