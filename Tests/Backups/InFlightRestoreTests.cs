using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Digests;
using TetReadiness.Email;
using TetReadiness.Maintenance.Restore;
using TetReadiness.Outbox;
using TetReadiness.Reminders;

using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

/// <summary>A restore never sends anything again: what was on its way when the backup was taken comes back failed.</summary>
public sealed class InFlightRestoreTests
{
    [Fact]
    public async Task Queued_and_sending_reminders_and_digests_come_back_failed_and_needing_review_and_the_rest_as_they_were()
    {
        var email = new RecordingEmailSender();
        await using var harness = await BackupHarness.StartAsync(configure: services => services.AddSingleton<IEmailSender>(email));
        await BackupSeed.ThroughTheAppAsync(harness.App);
        string[] states = [ReminderState.Queued, ReminderState.Sending, ReminderState.Sent, ReminderState.Failed, ReminderState.Superseded];
        foreach (var (state, unit) in states.Zip(["ba-dinh-ttyt", "hoan-kiem-ubnd", "ba-vi-ubnd", "ba-dinh-ubnd", "ba-vi-ubnd"]))
        {
            await harness.App.Tables.Reminders.AddEntityAsync(Reminder(unit, state == ReminderState.Superseded ? "before-3" : "deadline", state));
        }

        foreach (var state in new[] { DigestState.Queued, DigestState.Sending, DigestState.Sent })
        {
            await harness.App.Tables.Digests.AddEntityAsync(new DigestEntity
            {
                PartitionKey = "2024-01-20",
                RowKey = $"{state}@hanoi.invalid",
                DigestDate = "2024-01-20",
                Recipient = $"{state}@hanoi.invalid",
                Scopes = "city",
                ScopeCount = 1,
                State = state,
                PlannedAt = harness.App.Clock.GetUtcNow(),
            });
        }

        var before = await TableSnapshot.TakeAsync(harness.App);
        var manifest = await harness.ExportAsync();
        await TableSnapshot.WipeAsync(harness.App);

        var run = await harness.ToolAsync("restore", manifest.Date);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("Reminders: 5 rows restored, 2 in-flight messages marked failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Digests: 3 rows restored, 2 in-flight messages marked failed", run.Output, StringComparison.Ordinal);
        var changed = TableSnapshot.Differences(before, TableSnapshot.WithoutToolAudit(await TableSnapshot.TakeAsync(harness.App)));
        var lastError = $"String=Khôi phục từ bản sao lưu {manifest.Date} khi đang '{{0}}': không gửi lại; kiểm tra xem đã gửi chưa rồi gửi tay nếu cần. (Restored from the {manifest.Date} backup while '{{0}}': not sent again; check whether it went out, and send by hand if needed.)";
        string[] expected =
        [
            .. InFlight("Digests 2024-01-20/queued@hanoi.invalid", DigestState.Queued, lastError),
            .. InFlight("Digests 2024-01-20/sending@hanoi.invalid", DigestState.Sending, lastError),
            .. InFlight("Reminders tet-2024/ba-dinh-ttyt|deadline", ReminderState.Queued, lastError),
            .. InFlight("Reminders tet-2024/hoan-kiem-ubnd|deadline", ReminderState.Sending, lastError),
        ];
        Assert.Equal(expected, changed);

        // The next scan's outbox recovery does not take them for lost (it would queue them again)...
        harness.App.Clock.Advance(TimeSpan.FromHours(2));
        await harness.App.Get<ReminderScanService>().ScanAsync(CancellationToken.None);
        Assert.Empty(TableSnapshot.Differences(before, TableSnapshot.WithoutToolAudit(await TableSnapshot.TakeAsync(harness.App))).Except(changed));

        // ...and their queue messages, which may outlive the backup, send nothing when delivered after the restore.
        foreach (var unit in new[] { "ba-dinh-ttyt", "hoan-kiem-ubnd" })
        {
            await harness.App.Get<MessageOutbox<ReminderEntity, ReminderMessage>>().SendAsync([ReminderMessage.From(Reminder(unit, "deadline", ReminderState.Queued))], CancellationToken.None);
        }

        Assert.Empty(email.Sent);
    }

    [Fact]
    public void Only_queued_and_sending_rows_of_the_message_tables_are_in_flight()
    {
        var rows = new[] { ReminderState.Queued, ReminderState.Sending, ReminderState.Sent, ReminderState.Failed, ReminderState.Superseded }
            .Select(state => (State: state, Changed: InFlightMessages.Settle(TableNames.Reminders, new TableEntity("c", state) { ["State"] = state }, "2024-01-20")));
        var elsewhere = InFlightMessages.Settle(TableNames.Submissions, new TableEntity("c", "u") { ["State"] = "queued" }, "2024-01-20");

        Assert.Equal([true, true, false, false, false], rows.Select(r => r.Changed));
        Assert.False(elsewhere);
    }

    private static IEnumerable<string> InFlight(string row, string state, string lastError) =>
    [
        $"{row} LastError: (none) → {string.Format(lastError, state)}",
        $"{row} NeedsReview: (none) → Boolean=True",
        $"{row} State: String={state} → String=failed",
    ];

    private static ReminderEntity Reminder(string unit, string checkpoint, string state) => new()
    {
        PartitionKey = BackupSeed.Campaign,
        RowKey = ReminderEntity.RowKeyFor(unit, checkpoint),
        CampaignId = BackupSeed.Campaign,
        UnitId = unit,
        UnitName = unit,
        DistrictId = "ba-dinh",
        DistrictName = "Quận Ba Đình",
        Checkpoint = checkpoint,
        Kind = "deadline",
        ReminderDate = "2024-01-20",
        State = state,
        Recipients = "vanphong@ba-dinh.invalid",
        IdempotencyKey = $"{BackupSeed.Campaign}|{unit}|{checkpoint}",
        Attempts = state == ReminderState.Sending ? 1 : 0,
        DecidedAt = new DateTimeOffset(2024, 1, 20, 1, 0, 0, TimeSpan.Zero),
    };
}
