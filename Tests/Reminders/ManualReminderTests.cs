using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Identity;
using TetReadiness.Reminders;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Reviews;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Reminders;

/// <summary>
/// Remind now (<c>POST …/units/{unitId}/remind</c>) against a real Azurite, the queue read back: one reminder through
/// the reminder outbox, at most once in two hours even when two coordinators press at once, only for a unit that has
/// not reported or whose report was returned, by its coordinators only; nothing written on any refusal.
/// </summary>
public sealed class ManualReminderTests(ReminderAzuriteFixture fixture) : IClassFixture<ReminderAzuriteFixture>
{
    private const string BaDinhCoordinator = "dieuphoi@ba-dinh.invalid";

    [Fact]
    public async Task A_coordinator_reminds_a_unit_now_through_the_reminder_outbox_recorded_and_audited()
    {
        await using var app = await StartAsync();

        var response = await RemindAsync(app, "ba-dinh-ttyt", AsCaller.Principal(BaDinhCoordinator));

        Assert.True(response.Status == 202, response.Body);
        Assert.Equal("manual-202401200900", response.Json.GetProperty("checkpoint").GetString());
        Assert.Equal("2024-01-20T09:00:00+07:00", response.Json.GetProperty("queuedAt").GetString());
        var queued = Assert.Single(await fixture.DrainAsync());
        Assert.Equal(("ba-dinh-ttyt", "manual-202401200900", "upcoming"), (queued.GetProperty("unitId").GetString(), queued.GetProperty("checkpoint").GetString(), queued.GetProperty("kind").GetString()));
        Assert.Equal(["truc@ba-dinh-ttyt.invalid"], queued.GetProperty("recipients").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(queued.GetProperty("cc").EnumerateArray());

        var row = Assert.Single(await app.ReadAllAsync(TableNames.Reminders));
        Assert.Equal(("ba-dinh-ttyt|manual-202401200900", ReminderState.Queued, 11), (row.RowKey, row.GetString("State"), row.GetInt32("DaysLeft")!.Value));
        var audit = Assert.Single(await app.ReadAllAsync(TableNames.AuditLog), r => r.GetString("Action") == "reminder.manual");
        Assert.Equal((BaDinhCoordinator, "tet-2024/ba-dinh-ttyt"), (audit.GetString("Actor"), audit.GetString("Target")));
        var mark = Assert.Single(await app.ReadAllAsync(TableNames.ManualReminders));
        Assert.Equal(("ba-dinh-ttyt", "manual-202401200900", BaDinhCoordinator), (mark.RowKey, mark.GetString("LastCheckpoint"), mark.GetString("LastBy")));
    }

    [Fact]
    public async Task A_second_reminder_within_two_hours_is_refused_saying_when_the_last_went_and_allowed_after()
    {
        await using var app = await StartAsync();
        Assert.Equal(202, (await RemindAsync(app, "ba-dinh-ttyt", AsCaller.CityCoordinator)).Status);
        await fixture.DrainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(119));

        var problem = await ProblemAssert.RefusedAsync(app, 409, "reminded at 20/01/2024 09:00; it can be reminded again from 20/01/2024 11:00", () =>
            RemindAsync(app, "ba-dinh-ttyt", AsCaller.Principal(BaDinhCoordinator)));

        Assert.Equal("2024-01-20T09:00:00+07:00", problem.GetProperty("lastRemindedAt").GetString());
        Assert.Empty(await fixture.DrainAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await RemindAsync(app, "ba-dinh-ttyt", AsCaller.Principal(BaDinhCoordinator));
        Assert.True(again.Status == 202, again.Body);
        Assert.Equal("manual-202401201100", again.Json.GetProperty("checkpoint").GetString());
        Assert.Single(await fixture.DrainAsync());
        Assert.Equal(2, (await app.ReadAllAsync(TableNames.Reminders)).Count);
    }

    [Fact]
    public async Task Of_two_racing_requests_in_different_minutes_exactly_one_reminds()
    {
        var gate = new PointReadGate("ManualReminders(", 2);
        var azurite = fixture.Azurite;
        var clock = new SteppingClock(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)), TimeSpan.FromMinutes(1));
        await using var app = await TestApp.StartAsync(azurite: azurite, configure: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(_ =>
            {
                var options = new TableClientOptions();
                options.AddPolicy(gate, HttpPipelinePosition.PerCall);
                return new TableServiceClient(azurite.ConnectionString, options);
            });
        });
        await Seed.RosterAndCampaignAsync(app);
        await fixture.DrainAsync();

        // Both read the unit's mark (none yet) before either writes it, each in its own minute.
        var responses = await Task.WhenAll(
            Task.Run(() => RemindAsync(app, "ba-dinh-ttyt", AsCaller.CityCoordinator)),
            Task.Run(() => RemindAsync(app, "ba-dinh-ttyt", AsCaller.Principal(BaDinhCoordinator))));

        Assert.True(gate.Opened, "both requests should have read the mark before either wrote it");
        Assert.Equal([202, 409], responses.Select(r => r.Status).Order());
        Assert.Contains("reminded at", responses.Single(r => r.Status == 409).Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await fixture.DrainAsync());
        Assert.Single(await app.ReadAllAsync(TableNames.Reminders));
    }

    [Fact]
    public async Task A_unit_whose_report_was_returned_is_reminded_to_report_again()
    {
        await using var app = await StartAsync();
        await SubmitAsync(app, "ba-dinh-ubnd");
        var returned = await ReviewApi.ReviewAsync(app, "ba-dinh-ubnd", "returned", 1, "Thiếu số liệu chợ Tết");
        Assert.True(returned.Status == 200, returned.Body);

        var response = await RemindAsync(app, "ba-dinh-ubnd", AsCaller.CityCoordinator);

        Assert.True(response.Status == 202, response.Body);
        var queued = Assert.Single(await fixture.DrainAsync());
        Assert.Equal(ManualReminder.ReturnedKind, queued.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Refusals_write_nothing_and_queue_nothing()
    {
        await using var app = await StartAsync();
        await SubmitAsync(app, "hoan-kiem-ubnd");
        await app.Get<TetReadiness.Campaigns.CampaignService>().PutAsync(
            "tet-closed", _ => Task.FromResult(Seed.Campaign(opensAt: "2024-01-01T08:00:00+07:00", deadline: "2024-01-10", closesAt: "2024-01-15")), Caller.System, CancellationToken.None);
        await app.Get<TetReadiness.Campaigns.CampaignService>().PutAsync(
            "tet-later", _ => Task.FromResult(Seed.Campaign(opensAt: "2024-12-01T08:00:00+07:00", deadline: "2024-12-31")), Caller.System, CancellationToken.None);

        await ProblemAssert.RefusedAsync(app, 409, "nothing to remind it of", () => RemindAsync(app, "hoan-kiem-ubnd", AsCaller.CityCoordinator));
        await ProblemAssert.RefusedAsync(app, 409, "no officer email", () => RemindAsync(app, "ba-vi-ubnd", AsCaller.CityCoordinator));
        await ProblemAssert.RefusedAsync(app, 409, "The campaign closed", () => RemindAsync(app, "ba-dinh-ttyt", AsCaller.CityCoordinator, "tet-closed"));
        await ProblemAssert.RefusedAsync(app, 409, "not open yet", () => RemindAsync(app, "ba-dinh-ttyt", AsCaller.CityCoordinator, "tet-later"));
        await ProblemAssert.RefusedAsync(app, 403, "outside your scope", () => RemindAsync(app, "ba-dinh-ttyt", AsCaller.Principal("dieuphoi@hoan-kiem.invalid")));
        await ProblemAssert.RefusedAsync(app, 403, "coordinators of the unit's area", () => RemindAsync(app, "ba-dinh-ttyt", AsCaller.Principal("truc@ba-dinh-ttyt.invalid")));
        await ProblemAssert.RefusedAsync(app, 404, "Unknown or inactive unit", () => RemindAsync(app, "khong-co", AsCaller.CityCoordinator));
        await ProblemAssert.RefusedAsync(app, 404, "Unknown campaign", () => RemindAsync(app, "ba-dinh-ttyt", AsCaller.CityCoordinator, "tet-2099"));
        Assert.Empty(await fixture.DrainAsync());
    }

    private async Task<TestApp> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var app = await TestApp.StartAsync(azurite: fixture.Azurite, configure: configure);
        await Seed.RosterAndCampaignAsync(app);
        await fixture.DrainAsync();
        return app;
    }

    private static Task<HttpResponseSnapshot> RemindAsync(TestApp app, string unitId, Dictionary<string, string> headers, string campaignId = "tet-2024") =>
        Api.CallAsync(app, nameof(RemindFunctions.RemindUnit), campaignId: campaignId, unitId: unitId, headers: headers);

    private static Task SubmitAsync(TestApp app, string unitId) =>
        app.Get<SubmissionService>().SubmitAsync("tet-2024", unitId, _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);

    /// <summary>Holds the first <c>count</c> point reads of a table until all of them have arrived, so their requests interleave.</summary>
    private sealed class PointReadGate(string marker, int count) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public bool Opened => all.Task.IsCompletedSuccessfully;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.ToString().Contains(marker, StringComparison.Ordinal) && Interlocked.Increment(ref arrived) <= count)
            {
                if (arrived >= count)
                {
                    all.TrySetResult();
                }

                // Bounded, so a broken test fails instead of hanging.
                await Task.WhenAny(all.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            }

            await ProcessNextAsync(message, pipeline);
        }
    }

    /// <summary>A clock a minute later at every reading: two requests in flight are never in the same minute.</summary>
    private sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private long ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref ticks, step.Ticks), TimeSpan.Zero);
    }
}
