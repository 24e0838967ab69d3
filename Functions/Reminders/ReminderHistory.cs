
namespace TetReadiness.Reminders;

/// <summary>The reminders a unit has had in a campaign, as the digest and the non-reporters list show them.</summary>
public sealed record ReminderHistory(int Sent, DateTimeOffset? LastSentAt, bool NoEmail)
{
    public static readonly ReminderHistory None = new(0, null, false);

    /// <summary>
    /// Per unit: reminders sent and the last of them; <see cref="NoEmail"/> when a reminder failed because the unit
    /// had nobody to send it to (a failed row with no recipients).
    /// </summary>
    public static IReadOnlyDictionary<string, ReminderHistory> ByUnit(IEnumerable<ReminderEntity> reminders)
    {
        var history = new Dictionary<string, ReminderHistory>(StringComparer.Ordinal);
        foreach (var row in reminders)
        {
            var current = history.GetValueOrDefault(row.UnitId) ?? None;
            history[row.UnitId] = row.State switch
            {
                ReminderState.Sent => current with
                {
                    Sent = current.Sent + 1,
                    LastSentAt = current.LastSentAt is { } last && !(row.SentAt > last) ? last : row.SentAt,
                },
                ReminderState.Failed when string.IsNullOrWhiteSpace(row.Recipients) => current with { NoEmail = true },
                _ => current,
            };
        }

        return history;
    }
}
