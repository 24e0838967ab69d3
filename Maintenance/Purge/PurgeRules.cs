using Azure.Data.Tables;
using TetReadiness.Common;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Maintenance.Purge;

/// <summary>
/// What a campaign purge removes, without I/O. Personal data goes: a submitter's name, title and phone, a revision's
/// author email, audit source addresses, and contact addresses no longer in use. Everything a figure is made of stays.
/// </summary>
public static class PurgeRules
{
    /// <summary>Stands in a list for an address that was removed, so counts drawn from the list do not change.</summary>
    public const string Placeholder = "(removed)";

    public static IReadOnlyList<string> SubmitterColumns { get; } =
        [nameof(RevisionEntity.SubmitterName), nameof(RevisionEntity.SubmitterTitle), nameof(RevisionEntity.SubmitterPhone)];

    /// <summary>Why the campaign may not be purged now, or null when it may.</summary>
    public static string? Refusal(string campaignId, DateTimeOffset closesAt, DateTimeOffset now, int retentionDays, bool force)
    {
        if (now < closesAt)
        {
            return $"Campaign '{campaignId}' is open until {VietnamTime.Format(closesAt)}: its data is in use. Only a closed campaign can be purged.";
        }

        var keptUntil = closesAt.AddDays(retentionDays);
        return now < keptUntil && !force
            ? $"Campaign '{campaignId}' closed {VietnamTime.FormatDate(VietnamTime.DateOf(closesAt))}; its personal data is kept for {retentionDays} days " +
              $"(Purge__RetentionDays), until {VietnamTime.FormatDate(VietnamTime.DateOf(keptUntil))}. Purge it then, or add --force to purge it now."
            : null;
    }

    /// <summary>Removes the submitter's columns and an author email (a <c>link:…</c> author names no person); returns the columns removed.</summary>
    public static IReadOnlyList<string> RemoveAuthor(TableEntity row)
    {
        var removed = new List<string>();
        foreach (var column in SubmitterColumns)
        {
            if (row.Remove(column))
            {
                removed.Add(column);
            }
        }

        if (row.GetString(nameof(RevisionEntity.SubmittedBy)) is { Length: > 0 } author && !author.StartsWith("link:", StringComparison.Ordinal) && author != "system")
        {
            row.Remove(nameof(RevisionEntity.SubmittedBy));
            removed.Add(nameof(RevisionEntity.SubmittedBy));
        }

        return removed;
    }

    /// <summary>
    /// Keeps the addresses of a <c>;</c>-separated list that are still in use; the others become
    /// <see cref="Placeholder"/> (<paramref name="keepCount"/>) or are dropped. Returns the new list and how many went.
    /// </summary>
    public static (string List, int Removed) KeepInUse(string? list, IReadOnlySet<string> inUse, bool keepCount)
    {
        var kept = new List<string>();
        var removed = 0;
        foreach (var address in Emails.Parse(list))
        {
            if (address == Placeholder || inUse.Contains(address.Trim().ToLowerInvariant()))
            {
                kept.Add(address);
            }
            else
            {
                removed++;
                if (keepCount)
                {
                    kept.Add(Placeholder);
                }
            }
        }

        return (Emails.Join(kept), removed);
    }
}
