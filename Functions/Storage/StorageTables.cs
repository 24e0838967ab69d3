using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TetReadiness.Storage;

/// <summary>One client per table, created once and shared (the SDK clients are thread-safe).</summary>
public sealed class StorageTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string prefix = options.Value.TablePrefix;

    public TableServiceClient Service { get; } = service;

    public TableClient Units => Get(TableNames.Units);

    public TableClient Districts => Get(TableNames.Districts);

    public TableClient CampaignUnits => Get(TableNames.CampaignUnits);

    public TableClient RosterImports => Get(TableNames.RosterImports);

    public TableClient Campaigns => Get(TableNames.Campaigns);

    public TableClient ChecklistVersions => Get(TableNames.ChecklistVersions);

    public TableClient ChecklistItems => Get(TableNames.ChecklistItems);

    public TableClient Submissions => Get(TableNames.Submissions);

    public TableClient SubmissionRevisions => Get(TableNames.SubmissionRevisions);

    public TableClient Answers => Get(TableNames.Answers);

    public TableClient Reminders => Get(TableNames.Reminders);

    public TableClient Digests => Get(TableNames.Digests);

    public TableClient StatusSnapshots => Get(TableNames.StatusSnapshots);

    public TableClient Get(string name) => Service.GetTableClient(prefix + name);

    public async Task CreateAllAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
