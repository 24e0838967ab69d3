using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Status;

/// <summary>
/// The checklist items the reporting units of a scope are least ready on: mean score (not-applicable answers left
/// out), lowest first, fully ready items dropped, items no longer on the checklist left out. From per-item tallies,
/// which the status API reads from per-unit contributions or per-area summaries and the digest builds from answers.
/// No I/O.
/// </summary>
public static class LeastReadyItems
{
    public static IReadOnlyList<ItemReadiness> Of(Campaign campaign, IEnumerable<ItemTally> tallies, int count, int notesPerItem)
    {
        var items = campaign.Checklist.Items
            .Select((pair, order) => (pair.Section, pair.Item, Order: order))
            .ToDictionary(entry => entry.Item.Id, StringComparer.Ordinal);
        return tallies
            .Where(tally => items.ContainsKey(tally.ItemId) && tally.Readiness is < 1)
            .Select(tally =>
            {
                var (section, item, _) = items[tally.ItemId];
                return new ItemReadiness(
                    item.Id,
                    item.Text,
                    section.Title,
                    tally.Readiness!.Value,
                    tally.Answered,
                    tally.NotReady,
                    tally.Partial,
                    tally.Notes
                        .OrderByDescending(n => n.SubmittedAt)
                        .ThenBy(n => n.UnitId, StringComparer.Ordinal)
                        .Take(notesPerItem)
                        .Select(n => new ItemNote(n.UnitName, n.Note))
                        .ToList());
            })
            .OrderBy(item => item.Readiness)
            .ThenByDescending(item => item.NotReady)
            .ThenBy(item => items[item.ItemId].Order)
            .Take(count)
            .ToList();
    }

    /// <summary>From a campaign's latest answers (the digest): only those of <paramref name="reportingUnits"/> count.</summary>
    public static IReadOnlyList<ItemReadiness> Of(
        Campaign campaign,
        IReadOnlyDictionary<string, RosterUnit> reportingUnits,
        IEnumerable<LatestAnswer> answers,
        int count,
        int notesPerItem) =>
        Of(campaign, ItemTallies.FromAnswers(answers, reportingUnits, notesPerItem), count, notesPerItem);
}
