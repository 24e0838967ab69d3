using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace TetReadiness.Storage;

/// <summary>
/// Runs the registered <see cref="IDataMigration"/>s that have not completed yet, in registration order, and records
/// each one's completion. One that fails is logged and tried again at the next start-up (or the next storage round of
/// <see cref="StorageInitializer"/>); the migrations after it still run, since each one only depends on its own rows.
/// </summary>
public sealed class DataMigrations(TableClients tables, IEnumerable<IDataMigration> migrations, TimeProvider clock, ILogger<DataMigrations> logger)
{
    public const string Partition = "migrations";

    private TableClient Table => tables.Get(MigrationTables.Migrations);

    /// <summary>The ids of the migrations still to run.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var migration in migrations)
        {
            if (!(await Table.GetEntityIfExistsAsync<TableEntity>(Partition, migration.Id, cancellationToken: cancellationToken)).HasValue)
            {
                pending.Add(migration.Id);
            }
        }

        return pending;
    }

    /// <summary>Runs every pending migration; true when none is left pending.</summary>
    public async Task<bool> RunPendingAsync(CancellationToken cancellationToken)
    {
        var pending = (await PendingAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var allDone = true;
        foreach (var migration in migrations.Where(m => pending.Contains(m.Id)))
        {
            try
            {
                logger.LogInformation("Data migration {MigrationId} starting", migration.Id);
                var changes = await migration.RunAsync(cancellationToken);
                await Table.UpsertEntityAsync(
                    new TableEntity(Partition, migration.Id)
                    {
                        ["MigrationId"] = migration.Id,
                        ["Description"] = migration.Description,
                        ["Changes"] = changes,
                        ["CompletedAt"] = clock.GetUtcNow(),
                    },
                    TableUpdateMode.Replace,
                    cancellationToken);
                logger.LogInformation("Data migration {MigrationId} completed: {Changes} rows written or deleted", migration.Id, changes);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                allDone = false;
                logger.LogError(exception, "Data migration {MigrationId} failed; it runs again at the next start-up", migration.Id);
            }
        }

        return allDone;
    }
}
