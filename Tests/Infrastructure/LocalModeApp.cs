using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.LocalHost;
using TetReadiness.Storage;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// Local mode as ./run.sh boots it (<see cref="LocalFunctionsHost.Build"/>), on a free loopback port, over Azurite
/// (the run's shared one, or one of its own), with tables of its own (a prefix) and an outbox folder of its own.
/// Hosted in the test process rather than as a child process: tests reach into its services (tables, endpoints)
/// and some seed through them before it starts. Healthy once <see cref="StartAsync"/> returns; disposing deletes its
/// tables, its outbox and, if it has one of its own, its Azurite.
/// </summary>
public sealed class LocalModeApp : IAsyncDisposable
{
    /// <summary>A schedule that does not fire during a test run; tests run timers through the admin API.</summary>
    public const string FarAway = "0 0 0 1 1 *";

    private readonly bool ownsAzurite;

    private LocalModeApp(WebApplication app, AzuriteServer azurite, bool ownsAzurite, string outbox)
    {
        App = app;
        Azurite = azurite;
        this.ownsAzurite = ownsAzurite;
        Outbox = outbox;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Http = new HttpClient { BaseAddress = BaseAddress }.AskingForEnglish();
    }

    public WebApplication App { get; }

    public AzuriteServer Azurite { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>Where emails land (<c>SendGrid:OutboxPath</c>, no API key); created by the app when it first sends.</summary>
    public string Outbox { get; }

    public AppTables Tables => new(App.Services.GetRequiredService<TableClients>());

    /// <param name="settings">Settings on top of the storage, retry and outbox ones this sets (and may override them).</param>
    /// <param name="ownAzurite">An Azurite of its own, for tests that need the app's fixed queue names to themselves.</param>
    /// <param name="configure">Anything else about the host, such as log levels.</param>
    /// <param name="beforeStart">Runs once the tables exist and before the app starts, e.g. to seed through its services.</param>
    /// <param name="azurite">An Azurite the test owns (outage tests stop and restart it); it outlives this app.</param>
    public static async Task<LocalModeApp> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        bool ownAzurite = false,
        Action<WebApplicationBuilder>? configure = null,
        Func<IServiceProvider, Task>? beforeStart = null,
        AzuriteServer? azurite = null)
    {
        ownAzurite &= azurite is null;
        azurite ??= ownAzurite ? await AzuriteServer.StartAsync(null) : await AzuriteServer.Shared;
        var outbox = Path.Combine(Path.GetTempPath(), "tetreadiness-local-outbox-" + Guid.NewGuid().ToString("N")[..8]);
        var values = new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = TestApp.NewPrefix(),
            ["Storage:MaxRetries"] = "1",
            ["SendGrid:ApiKey"] = string.Empty,
            ["SendGrid:OutboxPath"] = outbox,
            // As Functions/local.settings.example.json: an operator runs it through the admin API.
            ["AzureWebJobs.RedrivePoison.Disabled"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // A timer a test does not name does not fire during it (a later feature's timer cannot break older tests).
        AddTriggerPlaceholders(values, "unused-");

        // Port 0: Kestrel picks a free port itself, so nothing can take it between choosing and binding.
        var app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            configure?.Invoke(builder);
            builder.Configuration.AddInMemoryCollection(values);
        });
        LocalModeApp? started = null;
        try
        {
            // The host also creates them in the background; creating them first means no request races that.
            await new AppTables(app.Services.GetRequiredService<TableClients>()).CreateAllAsync(TableNames.All, CancellationToken.None);
            if (beforeStart is not null)
            {
                await beforeStart(app.Services);
            }

            await app.StartAsync();
            started = new LocalModeApp(app, azurite, ownAzurite, outbox);
            await started.WaitForHealthyAsync();
            return started;
        }
        catch
        {
            // A fixture whose start throws is never disposed by xunit: leave nothing running behind.
            if (started is not null)
            {
                await started.DisposeAsync();
            }
            else
            {
                await app.DisposeAsync();
                if (ownAzurite)
                {
                    await azurite.DisposeAsync();
                }
            }

            throw;
        }
    }

    /// <summary>
    /// Gives any <c>%Setting%</c> a trigger names and <paramref name="settings"/> lacks a harmless value (a schedule
    /// <see cref="FarAway"/>, a queue named after <paramref name="queuePrefix"/>), so the host can start whatever
    /// triggers are added later.
    /// </summary>
    public static void AddTriggerPlaceholders(IDictionary<string, string?> settings, string queuePrefix)
    {
        foreach (var function in FunctionCatalog.Discover(LocalFunctionsHost.FunctionsAssembly))
        {
            foreach (Match match in Regex.Matches(function.Schedule ?? string.Empty, "%([^%]+)%"))
            {
                settings.TryAdd(match.Groups[1].Value, FarAway);
            }

            foreach (Match match in Regex.Matches(function.QueueName ?? string.Empty, "%([^%]+)%"))
            {
                settings.TryAdd(match.Groups[1].Value, queuePrefix + match.Groups[1].Value.ToLowerInvariant());
            }
        }
    }

    /// <summary>
    /// The emails in the outbox once there are at least <paramref name="expected"/>. An email counts once its
    /// <c>.html</c> twin exists: the sender writes the <c>.eml</c> first, so a listed <c>.eml</c> may still be empty.
    /// </summary>
    public async Task<List<string>> WaitForOutboxAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var written = Directory.Exists(Outbox)
                ? Directory.GetFiles(Outbox, "*.eml").Where(eml => File.Exists(Path.ChangeExtension(eml, ".html"))).ToList()
                : [];
            if (written.Count >= expected)
            {
                return written.Select(File.ReadAllText).ToList();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The outbox did not receive {expected} emails.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();

        // An Azurite of its own goes away with everything in it; the shared one outlives this app.
        if (!ownsAzurite)
        {
            foreach (var table in TableNames.All)
            {
                await Tables.Get(table).DeleteAsync();
            }
        }

        await App.DisposeAsync();
        if (ownsAzurite)
        {
            await Azurite.DisposeAsync();
        }

        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
    }

    private async Task WaitForHealthyAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await Http.GetAsync("/api/health");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Local mode never became healthy.");
    }
}
