using Azure;
using Azure.Data.Tables;
using TetReadiness.Storage;

namespace TetReadiness.Reminders;

/// <summary>
/// The <c>ManualReminders</c> table: one point read, then one conditional write that only one of two racing requests
/// wins (an add when the unit has no row yet, a replace under the ETag read otherwise), and the undo of that write
/// when the reminder could not be queued after all.
/// </summary>
public sealed class ManualReminderMarks(TableClients tables)
{
    private TableClient Table => tables.Get(ReminderTables.ManualReminders);

    /// <summary>The unit's last manual reminder, with the ETag a claim is made under; null when it has had none.</summary>
    public async Task<ManualReminderMark?> ReadAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<ManualReminderMarkEntity>(campaignId, unitId, cancellationToken: cancellationToken);
        return found.HasValue ? Mark(found.Value!) : null;
    }

    /// <summary>Records a manual reminder at <paramref name="at"/> if the row is still as <paramref name="seen"/> (null: still absent); null when another request got there first.</summary>
    public async Task<ManualReminderMark?> TryClaimAsync(string campaignId, string unitId, ManualReminderMark? seen, string checkpoint, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        var row = new ManualReminderMarkEntity
        {
            PartitionKey = campaignId,
            RowKey = unitId,
            CampaignId = campaignId,
            UnitId = unitId,
            LastCheckpoint = checkpoint,
            LastRemindedAt = at.ToUniversalTime(),
            LastBy = by,
        };
        try
        {
            var response = seen is null
                ? await Table.AddEntityAsync(row, cancellationToken)
                : await Table.UpdateEntityAsync(row, seen.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? ETag.All;
            return Mark(row);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Puts the row back as it was before <paramref name="claimed"/>, unless someone wrote it since. Best effort and not
    /// cancellable: it runs because the request failed; a row left claimed only delays the next manual reminder.
    /// </summary>
    public async Task UndoAsync(string campaignId, string unitId, ManualReminderMark? previous, ManualReminderMark claimed)
    {
        try
        {
            if (previous is null)
            {
                await Table.DeleteEntityAsync(campaignId, unitId, claimed.ETag, CancellationToken.None);
                return;
            }

            var row = new ManualReminderMarkEntity
            {
                PartitionKey = campaignId,
                RowKey = unitId,
                CampaignId = campaignId,
                UnitId = unitId,
                LastCheckpoint = previous.LastCheckpoint,
                LastRemindedAt = previous.LastRemindedAt.ToUniversalTime(),
                LastBy = previous.LastBy,
            };
            await Table.UpdateEntityAsync(row, claimed.ETag, TableUpdateMode.Replace, CancellationToken.None);
        }
        catch (Exception)
        {
            // Written meanwhile by another request, or storage is gone too: that request's mark stands.
        }
    }

    private static ManualReminderMark Mark(ManualReminderMarkEntity row) => new(row.LastCheckpoint, row.LastRemindedAt, row.LastBy, row.ETag);
}
