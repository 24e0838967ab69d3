using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Digests;
using TetReadiness.FeedSchema;
using TetReadiness.Reminders;
using TetReadiness.Reviews;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Reporting;

/// <summary>
/// The star schema as the feed serves it, in order. Each table is declared by the feature that owns its stored table
/// (<see cref="RosterFeed"/>, <see cref="CampaignFeed"/>, <see cref="SubmissionFeed"/>, <see cref="ReviewFeed"/>, <see cref="ReminderFeed"/>,
/// <see cref="DigestFeed"/>, <see cref="DeadlineFeed"/>). docs/power-bi-schema.json documents the same tables and columns, and a test fails when
/// they disagree. Contact details (emails, phone numbers) stay out of the feed: only their counts are published.
/// </summary>
public static class FeedTables
{
    public static IReadOnlyList<FeedTable> All { get; } =
    [
        RosterFeed.Districts, RosterFeed.Units, CampaignFeed.Campaigns, CampaignFeed.ChecklistItems,
        SubmissionFeed.Submissions, SubmissionFeed.Revisions, SubmissionFeed.Answers, ReviewFeed.Reviews, ReminderFeed.Reminders, DigestFeed.StatusSnapshots,
        DeadlineFeed.UnitDeadlines,
    ];

    public static FeedTable? Find(string? name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
