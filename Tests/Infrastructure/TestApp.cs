using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TetReadiness.Hosting;
using TetReadiness.Storage;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// The app's services, as the Functions worker registers them, against a real Azurite with tables of their own
/// (a unique prefix), so test classes never see each other's rows. Time is a <see cref="TestClock"/>.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    /// <summary><c>App:PublicBaseUrl</c> of every test app: the origin its own pages have (see <see cref="HttpCall"/>).</summary>
    public const string PublicBaseUrl = "http://localhost:7071";

    private readonly ServiceProvider provider;
    private readonly bool ownsTables;

    private TestApp(ServiceProvider provider, TestClock clock, string prefix, string connectionString, bool ownsTables = true)
    {
        this.provider = provider;
        this.ownsTables = ownsTables;
        Clock = clock;
        TablePrefix = prefix;
        ConnectionString = connectionString;
    }

    public TestClock Clock { get; }

    public string TablePrefix { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => provider;

    public AppTables Tables => new(provider.GetRequiredService<TableClients>());

    public static async Task<TestApp> StartAsync(
        DateTimeOffset? now = null,
        IDictionary<string, string?>? settings = null,
        AzuriteServer? azurite = null,
        Action<IServiceCollection>? configure = null,
        bool migrate = true) =>
        await StartAsync(new TestClock(now ?? new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7))), NewPrefix(), settings, azurite, configure, ownsTables: true, migrate);

    /// <summary>
    /// Another instance of the app over this one's tables and clock, with caches of its own: what a second Functions
    /// instance sees. It leaves the tables to this one to delete, and the data migrations to this one's start.
    /// </summary>
    public async Task<TestApp> StartPeerAsync(IDictionary<string, string?>? settings = null) =>
        await StartAsync(Clock, TablePrefix, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage"] = ConnectionString }, null, null, ownsTables: false, migrate: false);

    private static async Task<TestApp> StartAsync(
        TestClock clock, string prefix, IDictionary<string, string?>? settings, AzuriteServer? azurite, Action<IServiceCollection>? configure, bool ownsTables, bool migrate)
    {
        azurite ??= await AzuriteServer.Shared;
        var values = new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Storage:NetworkTimeoutSeconds"] = "5",
            ["Storage:MaxRetries"] = "1",
            ["App:PublicBaseUrl"] = PublicBaseUrl,
            ["Auth:AllowClientPrincipalHeader"] = "true",
            ["UnitLinks:PrimaryKey"] = "test-signing-key-0123456789abcdef0123456789",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTetReadiness(configuration);
        services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await new AppTables(provider.GetRequiredService<TableClients>()).CreateAllAsync(TableNames.All, CancellationToken.None);
        if (migrate)
        {
            // As the host's start-up does once the tables exist (StorageInitializer): a store with nothing to migrate.
            await provider.GetRequiredService<DataMigrations>().RunPendingAsync(CancellationToken.None);
        }

        return new TestApp(provider, clock, prefix, azurite.ConnectionString, ownsTables);
    }

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>A function class as the worker creates it: constructor injection from the container.</summary>
    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(provider);

    public async Task<IReadOnlyList<TableEntity>> ReadAllAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Tables.Get(table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every row of every app table, for "nothing was written" assertions.</summary>
    public async Task<string> SnapshotAsync()
    {
        var lines = new List<string>();
        foreach (var table in TableNames.All)
        {
            foreach (var row in await ReadAllAsync(table))
            {
                lines.Add($"{table}|{row.PartitionKey}|{row.RowKey}|{row.ETag}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in ownsTables ? TableNames.All : [])
        {
            await Tables.Get(table).DeleteAsync();
        }

        await provider.DisposeAsync();
    }

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
