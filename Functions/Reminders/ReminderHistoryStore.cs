using TetReadiness.Storage;

namespace TetReadiness.Reminders;

/// <summary>Reads a campaign's <c>Reminders</c> partition (one query per page, four columns) into a history per unit.</summary>
public sealed class ReminderHistoryStore(TableClients tables)
{
    private static readonly string[] Columns =
        [nameof(ReminderEntity.UnitId), nameof(ReminderEntity.State), nameof(ReminderEntity.SentAt), nameof(ReminderEntity.Recipients)];

    public async Task<IReadOnlyDictionary<string, ReminderHistory>> ReadAsync(string campaignId, CancellationToken cancellationToken)
    {
        var rows = new List<ReminderEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<ReminderEntity>(tables.Get(ReminderTables.Reminders), TableQueries.Partition(campaignId), cancellationToken, Columns))
        {
            rows.Add(row);
        }

        return ReminderHistory.ByUnit(rows);
    }
}
