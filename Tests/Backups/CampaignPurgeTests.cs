using TetReadiness.Audit;
using TetReadiness.Maintenance.Purge;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

/// <summary>
/// Campaign <c>tet-2024</c> (closes 14 Feb 2024) with an officer's two revisions, a link holder's named report,
/// audit entries with source addresses, a reminder copied to a coordinator who has since left, and a frozen roster
/// holding an officer who has since left; <c>tet-2025</c> still lists one of its digest recipients.
/// </summary>
public sealed class CampaignPurgeTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset AfterClose = new(2024, 3, 1, 9, 0, 0, Vietnam);
    private static readonly DateTimeOffset AfterRetention = new(2026, 3, 1, 9, 0, 0, Vietnam);

    [Fact]
    public async Task An_open_campaign_is_never_purged()
    {
        await using var harness = await SeededAsync();
        harness.App.Clock.Set(new DateTimeOffset(2024, 1, 25, 9, 0, 0, Vietnam));
        var before = await harness.App.SnapshotAsync();

        var run = await harness.ToolAsync("purge-campaign", BackupSeed.Campaign, "--force");

        Assert.Equal(2, run.Exit);
        Assert.Contains("is open until", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await harness.App.SnapshotAsync());
    }

    [Fact]
    public async Task A_campaign_within_its_retention_period_is_refused_unless_forced()
    {
        await using var harness = await SeededAsync();
        harness.App.Clock.Set(AfterClose);
        var before = await harness.App.SnapshotAsync();

        var refused = await harness.ToolAsync("purge-campaign", BackupSeed.Campaign);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("kept for 730 days (Purge__RetentionDays), until 13/02/2026", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await harness.App.SnapshotAsync());

        var forced = await harness.ToolAsync("purge-campaign", BackupSeed.Campaign, "--force");
        Assert.True(forced.Exit == 0, forced.ToString());
        Assert.Contains("(--force, within retention)", (await harness.App.ReadAllAsync(TableNames.AuditLog)).Single(r => r.GetString("Action") == "campaign.purge").GetString("Detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_what_would_go_and_writes_nothing()
    {
        await using var harness = await SeededAsync();
        harness.App.Clock.Set(AfterRetention);
        var before = await harness.App.SnapshotAsync();

        var run = await harness.ToolAsync("purge-campaign", BackupSeed.Campaign, "--dry-run");

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("Would remove 14 personal data fields in 10 rows", run.Output, StringComparison.Ordinal);
        Assert.Contains("SubmissionRevisions: 3 rows — SubmittedBy ×2, SubmitterName ×1, SubmitterTitle ×1, SubmitterPhone ×1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was written.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("@", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0912", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, await harness.App.SnapshotAsync());
    }

    [Fact]
    public async Task A_purge_removes_exactly_the_personal_fields_keeps_every_figure_and_is_audited()
    {
        await using var harness = await SeededAsync();
        harness.App.Clock.Set(AfterRetention);
        var before = await TableSnapshot.TakeAsync(harness.App);

        var run = await harness.ToolAsync("purge-campaign", BackupSeed.Campaign);

        Assert.True(run.Exit == 0, run.ToString());
        var after = await TableSnapshot.TakeAsync(harness.App);
        var purgeEntry = after.Single(row => row.Key.StartsWith("AuditLog ", StringComparison.Ordinal) && row.Value.Contains("Action:String=campaign.purge", StringComparison.Ordinal));
        Assert.Contains("Actor:String=it-ops@hanoi.invalid", purgeEntry.Value, StringComparison.Ordinal);
        Assert.Contains("Via:String=tool", purgeEntry.Value, StringComparison.Ordinal);
        Assert.Contains("Target:String=tet-2024", purgeEntry.Value, StringComparison.Ordinal);
        after = after.Where(row => row.Key != purgeEntry.Key).ToDictionary();

        string[] expected =
        [
            .. AuditAddress(before, "campaign.put", "tet-2024"),
            .. AuditAddress(before, "link.mint", "tet-2024/ba-vi-ubnd"),
            "CampaignUnits tet-2024/hoan-kiem|hoan-kiem-ubnd OfficerEmails: String=vanphong@hoan-kiem.invalid;lanhdao@hoan-kiem.invalid → String=vanphong@hoan-kiem.invalid;(removed)",
            "Campaigns campaigns/tet-2024 DigestRecipients: String=sonoivu@hanoi.invalid;nguoicu@hanoi.invalid → String=sonoivu@hanoi.invalid",
            "Reminders tet-2024/ba-dinh-ttyt|deadline Cc: String=dieuphoi-cu@ba-dinh.invalid → String=(removed)",
            $"SubmissionRevisions tet-2024|ba-dinh-ubnd/{RevisionKeys.Header(2)} SubmittedBy: String=vanphong@ba-dinh.invalid → (none)",
            $"SubmissionRevisions tet-2024|ba-dinh-ubnd/{RevisionKeys.Header(1)} SubmittedBy: String=vanphong@ba-dinh.invalid → (none)",
            $"SubmissionRevisions tet-2024|ba-vi-ubnd/{RevisionKeys.Header(1)} SubmitterName: String=Nguyễn Văn An → (none)",
            $"SubmissionRevisions tet-2024|ba-vi-ubnd/{RevisionKeys.Header(1)} SubmitterPhone: String=0912 345 678 → (none)",
            $"SubmissionRevisions tet-2024|ba-vi-ubnd/{RevisionKeys.Header(1)} SubmitterTitle: String=Chánh Văn phòng → (none)",
            "Submissions tet-2024/ba-dinh|ba-dinh-ubnd SubmittedBy: String=vanphong@ba-dinh.invalid → (none)",
            "Submissions tet-2024/ba-vi|ba-vi-ubnd SubmitterName: String=Nguyễn Văn An → (none)",
            "Submissions tet-2024/ba-vi|ba-vi-ubnd SubmitterPhone: String=0912 345 678 → (none)",
            "Submissions tet-2024/ba-vi|ba-vi-ubnd SubmitterTitle: String=Chánh Văn phòng → (none)",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), TableSnapshot.Differences(before, after).Order(StringComparer.Ordinal));

        var again = await harness.ToolAsync("purge-campaign", BackupSeed.Campaign);
        Assert.Contains("Removing 0 personal data fields in 0 rows", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_retention_period_counts_from_the_close()
    {
        var closes = new DateTimeOffset(2024, 2, 14, 23, 59, 59, Vietnam);

        Assert.NotNull(PurgeRefusal(closes, closes.AddDays(730).AddSeconds(-1), force: false));
        Assert.Null(PurgeRefusal(closes, closes.AddDays(730), force: false));
        Assert.Null(PurgeRefusal(closes, closes.AddDays(1), force: true));
        Assert.NotNull(PurgeRefusal(closes, closes.AddSeconds(-1), force: true));
    }

    [Fact]
    public void Removed_addresses_keep_their_place_in_a_counted_list_and_leave_an_uncounted_one()
    {
        var inUse = new HashSet<string> { "a@x.invalid" };

        // A placeholder from an earlier purge stays and is not counted again; the address still in use keeps its case.
        Assert.Equal(("A@x.invalid;(removed);(removed);(removed)", 2), PurgeRules.KeepInUse("A@x.invalid;b@x.invalid;(removed);c@x.invalid", inUse, keepCount: true));
        Assert.Equal(("a@x.invalid", 1), PurgeRules.KeepInUse("a@x.invalid;b@x.invalid", inUse, keepCount: false));
    }

    private static string? PurgeRefusal(DateTimeOffset closes, DateTimeOffset now, bool force) =>
        PurgeRules.Refusal("tet-2024", closes, now, 730, force);

    private static IEnumerable<string> AuditAddress(IReadOnlyDictionary<string, string> rows, string action, string target) =>
        rows.Where(row => row.Key.StartsWith("AuditLog ", StringComparison.Ordinal) && row.Value.Contains($"Action:String={action}\u001f", StringComparison.Ordinal) && row.Value.Contains($"Target:String={target}\u001f", StringComparison.Ordinal))
            .Select(row => $"{row.Key} SourceIp: String=203.0.113.7 → (none)");

    private static async Task<BackupHarness> SeededAsync()
    {
        var harness = await BackupHarness.StartAsync();
        await BackupSeed.ThroughTheAppAsync(harness.App);
        var coordinator = TestCallers.CityCoordinator with { SourceIp = "203.0.113.7" };
        await harness.App.Get<IAuditLog>().RecordAsync(coordinator, "link.mint", "tet-2024/ba-vi-ubnd", "expires 2024-02-14", CancellationToken.None);
        await harness.App.Tables.Reminders.AddEntityAsync(new ReminderEntity
        {
            PartitionKey = BackupSeed.Campaign,
            RowKey = ReminderEntity.RowKeyFor("ba-dinh-ttyt", "deadline"),
            CampaignId = BackupSeed.Campaign,
            UnitId = "ba-dinh-ttyt",
            Checkpoint = "deadline",
            Kind = "escalated",
            ReminderDate = "2024-01-31",
            State = ReminderState.Sent,
            Recipients = "truc@ba-dinh-ttyt.invalid",
            Cc = "dieuphoi-cu@ba-dinh.invalid",
            Attempts = 1,
            DecidedAt = new DateTimeOffset(2024, 1, 31, 8, 0, 0, Vietnam),
        });

        // After the close, a new roster without one of Hoàn Kiếm's officers: the campaign's roster is frozen first.
        harness.App.Clock.Set(AfterClose);
        await harness.App.Get<RosterImporter>().ImportAsync(Seed.RosterCsv.Replace(";lanhdao@hoan-kiem.invalid", string.Empty, StringComparison.Ordinal), null, dryRun: false, coordinator with { SourceIp = "198.51.100.9" }, CancellationToken.None);
        return harness;
    }
}
