using TetReadiness.Reminders;

namespace TetReadiness.Status;

/// <summary>
/// One area's figures for a campaign, as the <c>StatusRollup</c> timer stores them in <c>AreaSummaries</c>: the active
/// units it counts, how many reported (on time, late), the sum and count of their readiness, per-item tallies with the
/// latest notes, what the reminders have done for each unit that has not reported, and where its reported units stand
/// in review.
/// </summary>
public sealed record AreaSummary(
    string DistrictId,
    string DistrictName,
    int Units,
    int Reported,
    int OnTime,
    int Late,
    double ReadinessTotal,
    int ReadinessCount,
    IReadOnlyList<ItemTally> Items,
    IReadOnlyDictionary<string, ReminderHistory> Reminders,
    ReviewFigures Review)
{
    public int Missing => Units - Reported;

    public double? Readiness => ReadinessCount == 0 ? null : ReadinessTotal / ReadinessCount;
}
