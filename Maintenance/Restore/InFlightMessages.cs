using Azure.Data.Tables;
using TetReadiness.Digests;
using TetReadiness.Outbox;
using TetReadiness.Reminders;
using TetReadiness.Reviews;

namespace TetReadiness.Maintenance.Restore;

/// <summary>
/// The one place that knows which restored rows are messages that were on their way when the backup was taken: the
/// outbox's waiting states (<c>queued</c>, <c>sending</c>). They come back <c>failed</c> with <c>NeedsReview = true</c>
/// and a <c>LastError</c> saying why. Restored as they were, they would be sent again: the scans' outbox recovery
/// queues again every waiting row nothing has touched for an hour (<c>OutboxRecovery.IsLost</c>). A failed row is
/// final for both senders and both scans, and a poison re-drive reopens only a row that gave up (<c>GaveUpAt</c>),
/// which a waiting row never has. Adjust <see cref="Rules"/> when the send protocol's states change.
/// </summary>
public static class InFlightMessages
{
    public const string NeedsReviewColumn = "NeedsReview";

    private const string StateColumn = "State";
    private const string LastErrorColumn = "LastError";

    public static IReadOnlyList<(string Table, IReadOnlyList<string> InFlight, string Failed)> Rules { get; } =
    [
        (ReminderTables.Reminders, [ReminderState.Queued, ReminderState.Sending], ReminderState.Failed),
        (DigestTables.Digests, [DigestState.Queued, DigestState.Sending], DigestState.Failed),
        (ReviewNoticeTables.ReviewNotices, [OutboxState.Queued, OutboxState.Sending], OutboxState.Failed),
    ];

    /// <summary>Marks <paramref name="row"/> failed and needing review when it was in flight; true when it changed it.</summary>
    public static bool Settle(string table, TableEntity row, string backupDate)
    {
        var rule = Rules.FirstOrDefault(r => r.Table == table);
        if (rule.Table is null || row.GetString(StateColumn) is not { } state || !rule.InFlight.Contains(state))
        {
            return false;
        }

        row[StateColumn] = rule.Failed;
        row[NeedsReviewColumn] = true;
        row[LastErrorColumn] =
            $"Khôi phục từ bản sao lưu {backupDate} khi đang '{state}': không gửi lại; kiểm tra xem đã gửi chưa rồi gửi tay nếu cần. " +
            $"(Restored from the {backupDate} backup while '{state}': not sent again; check whether it went out, and send by hand if needed.)";
        return true;
    }
}
