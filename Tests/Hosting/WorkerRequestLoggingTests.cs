using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TetReadiness.Hosting;
using TetReadiness.Http;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Hosting;

/// <summary>
/// The isolated worker's own ASP.NET Core server (what <c>ConfigureFunctionsWebApplication</c> starts, and the
/// Functions host forwards every HTTP request to), built as Program.cs builds it and serving a request whose query
/// carries a link token and a feed key. Only its web server is started: the rest of the worker needs the Functions
/// host on the other end of a gRPC channel. Every log line is captured at the worker's shipped levels.
/// </summary>
public sealed class WorkerRequestLoggingTests
{
    private const string Token = "link-token-worker-3b7e91";
    private const string Key = "feed-key-worker-c4d2a8";

    [Fact]
    public async Task The_bare_worker_logs_the_full_url_so_the_capture_sees_request_logs()
    {
        // What the app must guard against: the framework's "Request starting …" line, query string and all.
        var lines = await ServeAsync(withApp: false);

        Assert.Contains(lines, line => line.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) && line.Text.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_worker_as_Program_builds_it_logs_no_token_or_key_of_a_request()
    {
        var lines = await ServeAsync(withApp: true);

        // The failed request (no invocation from a host) is still logged, as an error, so the capture saw the request.
        Assert.Contains(lines, line => line.Level >= LogLevel.Error);
        var leaks = lines.Where(line => line.Text.Contains(Token, StringComparison.Ordinal) || line.Text.Contains(Key, StringComparison.Ordinal)).Select(line => line.Text).ToList();
        Assert.True(leaks.Count == 0, "Log lines carrying the query string:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void Host_json_holds_the_functions_host_to_the_same_floors()
    {
        // The Functions host applies host.json to its own categories and to what the worker sends it.
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var levels = hostJson.RootElement.GetProperty("logging").GetProperty("logLevel");

        foreach (var (category, floor) in TelemetryFilters.Floors)
        {
            Assert.True(levels.TryGetProperty(category, out var level), $"host.json logging.logLevel has no '{category}'");
            Assert.Equal(floor, Enum.Parse<LogLevel>(level.GetString()!));
        }
    }

    private static async Task<IReadOnlyList<CapturedLog>> ServeAsync(bool withApp)
    {
        var capture = new LogCapture();
        var builder = FunctionsApplication.CreateBuilder([]);

        // Where the Functions host and storage would be: read to build clients, never called (nothing else is started).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = "UseDevelopmentStorage=true",
            ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
            ["Functions:Worker:WorkerId"] = "log-test",
            ["Functions:Worker:RequestId"] = "log-test",
            ["Functions:Worker:GrpcMaxMessageLength"] = "2147483647",
        });
        builder.ConfigureFunctionsWebApplication();
        if (withApp)
        {
            builder.UseMiddleware<HttpEdgeMiddleware>();
            builder.Services.AddTetReadiness(builder.Configuration);
        }

        builder.Logging.AddProvider(capture);
        using var host = builder.Build();
        var web = host.Services.GetServices<IHostedService>().Single(service => service.GetType().Name == "GenericWebHostService");
        await web.StartAsync(CancellationToken.None);
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) }.AskingForEnglish();
            using var response = await http.GetAsync($"/api/feed/units?key={Key}&t={Token}");
            Assert.False(response.IsSuccessStatusCode);
        }
        finally
        {
            await web.StopAsync(CancellationToken.None);
        }

        return capture.Lines;
    }
}
