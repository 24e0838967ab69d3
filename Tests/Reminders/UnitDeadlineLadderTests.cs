using TetReadiness.Deadlines;
using TetReadiness.Identity;
using TetReadiness.Reminders;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reminders;

/// <summary>
/// The reminder scan with units' own deadlines and manual reminders: each unit climbs the ladder towards its own
/// deadline, a manual reminder is no step of it, and a manual reminder whose message was lost is queued again while due.
/// </summary>
public sealed class UnitDeadlineLadderTests(ReminderAzuriteFixture fixture) : IClassFixture<ReminderAzuriteFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_unit_granted_a_later_deadline_is_reminded_towards_it_not_by_the_steps_it_had_for_the_campaigns()
    {
        await using var app = await StartAsync(new DateTimeOffset(2024, 1, 31, 8, 0, 0, Vietnam));
        await ScanAsync(app);
        await fixture.DrainAsync();
        await GrantAsync(app, "ba-dinh-ttyt", "2024-02-05");

        app.Clock.Set(new DateTimeOffset(2024, 2, 4, 8, 0, 0, Vietnam));
        await ScanAsync(app);
        var fourth = await fixture.DrainAsync();
        app.Clock.Set(new DateTimeOffset(2024, 2, 6, 8, 0, 0, Vietnam));
        await ScanAsync(app);
        var sixth = await fixture.DrainAsync();

        string Checkpoint(List<System.Text.Json.JsonElement> queued, string unitId) =>
            queued.Single(r => r.GetProperty("unitId").GetString() == unitId).GetProperty("checkpoint").GetString()!;
        Assert.Equal("before-1@2024-02-05", Checkpoint(fourth, "ba-dinh-ttyt"));
        Assert.Equal("upcoming", fourth.Single(r => r.GetProperty("unitId").GetString() == "ba-dinh-ttyt").GetProperty("kind").GetString());
        Assert.Equal("overdue-4", Checkpoint(fourth, "ba-dinh-ubnd"));
        Assert.Equal("overdue-1@2024-02-05", Checkpoint(sixth, "ba-dinh-ttyt"));
        Assert.Equal("overdue-6", Checkpoint(sixth, "ba-dinh-ubnd"));

        var rows = (await app.ReadAllAsync(TableNames.Reminders)).Where(r => r.GetString("UnitId") == "ba-dinh-ttyt").ToDictionary(r => r.GetString("Checkpoint"), r => r.GetString("State"));
        Assert.Equal(ReminderState.Superseded, rows["before-3@2024-02-05"]);
        Assert.Equal(ReminderState.Superseded, rows["deadline@2024-02-05"]);
        // The campaign's ladder it climbed before the grant stays as it was.
        Assert.Equal(["before-1", "before-3", "deadline"], rows.Keys.Where(k => !k.Contains('@', StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_manual_reminder_is_no_step_of_the_ladder_and_the_ladder_never_supersedes_it()
    {
        await using var app = await StartAsync(new DateTimeOffset(2024, 1, 31, 7, 0, 0, Vietnam));
        await app.Get<ManualReminderService>().RemindAsync(Caller.System, "tet-2024", "ba-dinh-ttyt", CancellationToken.None);
        app.Clock.Set(new DateTimeOffset(2024, 1, 31, 7, 30, 0, Vietnam));

        await ScanAsync(app);

        var queued = (await fixture.DrainAsync()).Where(r => r.GetProperty("unitId").GetString() == "ba-dinh-ttyt").Select(r => r.GetProperty("checkpoint").GetString());
        Assert.Equal(["deadline", "manual-202401310700"], queued.Order(StringComparer.Ordinal));
        var manual = Assert.Single(await app.ReadAllAsync(TableNames.Reminders), r => r.GetString("Checkpoint") == "manual-202401310700");
        Assert.Equal(ReminderState.Queued, manual.GetString("State"));
    }

    [Fact]
    public async Task A_manual_reminder_whose_message_was_lost_is_queued_again_by_the_next_scan_while_due_and_superseded_once_stale()
    {
        await using var app = await StartAsync(new DateTimeOffset(2024, 1, 20, 6, 0, 0, Vietnam));
        await app.Get<ManualReminderService>().RemindAsync(Caller.System, "tet-2024", "ba-dinh-ubnd", CancellationToken.None);
        app.Clock.Set(new DateTimeOffset(2024, 1, 20, 10, 0, 0, Vietnam));
        await app.Get<ManualReminderService>().RemindAsync(Caller.System, "tet-2024", "ba-dinh-ttyt", CancellationToken.None);
        Assert.Equal(2, (await fixture.DrainAsync()).Count); // both messages lost

        app.Clock.Set(new DateTimeOffset(2024, 1, 21, 8, 0, 0, Vietnam));
        var scan = await ScanAsync(app);

        Assert.Equal((1, 1), (scan.Requeued, scan.Superseded));
        var requeued = Assert.Single(await fixture.DrainAsync());
        Assert.Equal(("ba-dinh-ttyt", "manual-202401201000"), (requeued.GetProperty("unitId").GetString(), requeued.GetProperty("checkpoint").GetString()));
        var stale = Assert.Single(await app.ReadAllAsync(TableNames.Reminders), r => r.GetString("UnitId") == "ba-dinh-ubnd");
        Assert.Equal(ReminderState.Superseded, stale.GetString("State"));
    }

    private async Task<TestApp> StartAsync(DateTimeOffset now)
    {
        var app = await TestApp.StartAsync(now, azurite: fixture.Azurite);
        await Seed.RosterAndCampaignAsync(app);
        await fixture.DrainAsync();
        return app;
    }

    private static Task<ReminderScanResult> ScanAsync(TestApp app) => app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

    private static Task GrantAsync(TestApp app, string unitId, string deadline) =>
        app.Get<UnitDeadlineService>().GrantAsync(Caller.System, "tet-2024", unitId, _ => Task.FromResult(new UnitDeadlineRequest { Deadline = deadline, Reason = "Mất điện" }), CancellationToken.None);
}
