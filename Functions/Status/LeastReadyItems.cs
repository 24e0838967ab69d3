using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Status;

/// <summary>
/// The checklist items the reporting units of a scope are least ready on: mean score (not-applicable answers left
/// out), lowest first, fully ready items dropped. Used by the status API and the digest alike. No I/O.
/// </summary>
public static class LeastReadyItems
{
    public static IReadOnlyList<ItemReadiness> Of(
        Campaign campaign,
        IReadOnlyDictionary<string, RosterUnit> reportingUnits,
        IEnumerable<LatestAnswer> answers,
        int count,
        int notesPerItem)
    {
        var items = campaign.Checklist.Items
            .Select((pair, order) => (pair.Section, pair.Item, Order: order))
            .ToDictionary(entry => entry.Item.Id, StringComparer.Ordinal);
        return answers
            .Where(answer => reportingUnits.ContainsKey(answer.UnitId) && items.ContainsKey(answer.ItemId))
            .GroupBy(answer => answer.ItemId, StringComparer.Ordinal)
            .Select(group =>
            {
                var scores = group.Select(a => a.Score).OfType<double>().ToList();
                if (scores.Count == 0)
                {
                    return (ItemReadiness?)null;
                }

                var (section, item, _) = items[group.Key];
                var notes = group
                    .Where(a => a.Status is AnswerStatus.NotReady or AnswerStatus.Partial && !string.IsNullOrWhiteSpace(a.Note))
                    .OrderByDescending(a => a.SubmittedAt)
                    .Take(notesPerItem)
                    .Select(a => new ItemNote(reportingUnits[a.UnitId].UnitName, a.Note!.Trim()))
                    .ToList();
                return new ItemReadiness(
                    item.Id,
                    item.Text,
                    section.Title,
                    scores.Average(),
                    scores.Count,
                    group.Count(a => a.Status == AnswerStatus.NotReady),
                    group.Count(a => a.Status == AnswerStatus.Partial),
                    notes);
            })
            .OfType<ItemReadiness>()
            .Where(item => item.Readiness < 1)
            .OrderBy(item => item.Readiness)
            .ThenByDescending(item => item.NotReady)
            .ThenBy(item => items[item.ItemId].Order)
            .Take(count)
            .ToList();
    }
}
