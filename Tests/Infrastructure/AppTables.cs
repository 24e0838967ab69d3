using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>The app's tables as a test reads and arranges them: every table by name, with the app's prefix.</summary>
public sealed class AppTables(TableClients clients)
{
    public TableServiceClient Service => clients.Service;

    public TableClient Units => Get(TableNames.Units);

    public TableClient Campaigns => Get(TableNames.Campaigns);

    public TableClient ChecklistItems => Get(TableNames.ChecklistItems);

    public TableClient Submissions => Get(TableNames.Submissions);

    public TableClient Answers => Get(TableNames.Answers);

    public TableClient Reminders => Get(TableNames.Reminders);

    public TableClient Digests => Get(TableNames.Digests);

    public TableClient StatusSnapshots => Get(TableNames.StatusSnapshots);

    public TableClient AuditLog => Get(TableNames.AuditLog);

    public TableClient Get(string name) => clients.Get(name);

    public async Task CreateAllAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
