using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Status;

/// <summary>
/// Per-item tallies of a scope: from the units' contributions (each unit's item statuses and gap notes), from a
/// campaign's answers (the digest), or summed from the tallies of several areas. Each keeps the newest
/// <c>notesPerItem</c> notes (newest report first, then unit id). No I/O.
/// </summary>
public static class ItemTallies
{
    /// <summary>Only the contributions of <paramref name="reportingUnits"/> count (active units in scope).</summary>
    public static IReadOnlyList<ItemTally> FromContributions(
        IEnumerable<UnitContribution> contributions,
        IReadOnlyDictionary<string, RosterUnit> reportingUnits,
        int notesPerItem)
    {
        var answers = new List<(string UnitId, string ItemId, AnswerStatus Status, string? Note, DateTimeOffset SubmittedAt)>();
        foreach (var contribution in contributions.Where(c => reportingUnits.ContainsKey(c.Report.UnitId)))
        {
            foreach (var (itemId, status) in contribution.Items)
            {
                answers.Add((contribution.Report.UnitId, itemId, status, contribution.GapNotes.GetValueOrDefault(itemId), contribution.Report.SubmittedAt));
            }
        }

        return Tally(answers, reportingUnits, notesPerItem);
    }

    /// <summary>From the latest answers of the campaign; only those of <paramref name="reportingUnits"/> count.</summary>
    public static IReadOnlyList<ItemTally> FromAnswers(
        IEnumerable<LatestAnswer> answers,
        IReadOnlyDictionary<string, RosterUnit> reportingUnits,
        int notesPerItem) =>
        Tally(
            answers.Where(a => reportingUnits.ContainsKey(a.UnitId)).Select(a => (a.UnitId, a.ItemId, a.Status, a.Note, a.SubmittedAt)),
            reportingUnits,
            notesPerItem);

    /// <summary>The tallies of several scopes as one.</summary>
    public static IReadOnlyList<ItemTally> Merge(IEnumerable<IEnumerable<ItemTally>> scopes, int notesPerItem) =>
        scopes.SelectMany(tallies => tallies)
            .GroupBy(tally => tally.ItemId, StringComparer.Ordinal)
            .Select(item => new ItemTally(
                item.Key,
                item.Sum(t => t.Ready),
                item.Sum(t => t.Partial),
                item.Sum(t => t.NotReady),
                item.Sum(t => t.NotApplicable),
                Newest(item.SelectMany(t => t.Notes), notesPerItem)))
            .OrderBy(tally => tally.ItemId, StringComparer.Ordinal)
            .ToList();

    private static List<ItemTally> Tally(
        IEnumerable<(string UnitId, string ItemId, AnswerStatus Status, string? Note, DateTimeOffset SubmittedAt)> answers,
        IReadOnlyDictionary<string, RosterUnit> units,
        int notesPerItem) =>
        answers
            .GroupBy(answer => answer.ItemId, StringComparer.Ordinal)
            .Select(item => new ItemTally(
                item.Key,
                item.Count(a => a.Status == AnswerStatus.Ready),
                item.Count(a => a.Status == AnswerStatus.Partial),
                item.Count(a => a.Status == AnswerStatus.NotReady),
                item.Count(a => a.Status == AnswerStatus.NotApplicable),
                Newest(
                    item.Where(a => a.Status is AnswerStatus.NotReady or AnswerStatus.Partial && !string.IsNullOrWhiteSpace(a.Note))
                        .Select(a => new TalliedNote(a.UnitId, units[a.UnitId].UnitName, a.Note!.Trim(), a.SubmittedAt)),
                    notesPerItem)))
            .OrderBy(tally => tally.ItemId, StringComparer.Ordinal)
            .ToList();

    private static List<TalliedNote> Newest(IEnumerable<TalliedNote> notes, int count) =>
        notes.OrderByDescending(n => n.SubmittedAt).ThenBy(n => n.UnitId, StringComparer.Ordinal).Take(count).ToList();
}
