using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Backups;
using TetReadiness.Maintenance;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

/// <summary>
/// The app's services on tables of their own, a backup container of their own, and the maintenance tool pointed at
/// both the way an operator points it (the <c>Storage</c> connection, the table prefix, the container).
/// </summary>
public sealed class BackupHarness : IAsyncDisposable
{
    private BackupHarness(TestApp app, string container)
    {
        App = app;
        ContainerName = container;
        Container = new BlobServiceClient(app.ConnectionString).GetBlobContainerClient(container);
    }

    public TestApp App { get; }

    public string ContainerName { get; }

    public BlobContainerClient Container { get; }

    /// <summary>02:30 on 20 January 2024 in Vietnam: 19:30 UTC the day before, as the default schedule fires.</summary>
    public static DateTimeOffset NightOf20January { get; } = new(2024, 1, 19, 19, 30, 0, TimeSpan.Zero);

    public static async Task<BackupHarness> StartAsync(DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        var container = "bk" + Guid.NewGuid().ToString("N")[..12];
        var app = await TestApp.StartAsync(now, new Dictionary<string, string?> { ["Backups:Container"] = container }, configure: configure);
        return new BackupHarness(app, container);
    }

    public Task<BackupManifest> ExportAsync() => App.Get<TableExporter>().ExportAsync(CancellationToken.None);

    /// <summary>Runs the maintenance tool (what scripts/restore.sh and scripts/purge-campaign.sh run) against these tables.</summary>
    public async Task<ToolRun> ToolAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = App.ConnectionString,
            ["Storage:TablePrefix"] = App.TablePrefix,
            ["Storage:MaxRetries"] = "1",
            ["Backups:Container"] = ContainerName,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ToolCommand.RunAsync([.. args, "--operator", "it-ops@hanoi.invalid"], output, error, CancellationToken.None, configuration, App.Clock);
        return new ToolRun(exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Container.DeleteIfExistsAsync();
        await App.DisposeAsync();
    }
}
