using System.Text.Json;
using TetReadiness.Deadlines;
using TetReadiness.Identity;
using TetReadiness.Notes;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Backups;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Deadlines;

/// <summary>
/// Everything that uses a unit's deadline uses its own: whether a report is late, the non-reporters' days overdue
/// (with the newest note), and at what cost in storage requests.
/// </summary>
public sealed class UnitDeadlineEffectsTests
{
    private static readonly DateTimeOffset TwoDaysPastTheCampaignsDeadline = new(2024, 2, 2, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Past_the_campaigns_deadline_a_unit_with_a_later_one_of_its_own_reports_on_time_and_the_others_late()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        await GrantAsync(app, "ba-dinh-ttyt", "2024-02-05");
        app.Clock.Set(TwoDaysPastTheCampaignsDeadline);

        var extended = await SubmitAsync(app, "ba-dinh-ttyt");
        var other = await SubmitAsync(app, "hoan-kiem-ubnd");

        Assert.False(extended.Late);
        Assert.True(other.Late);
        var rows = (await app.ReadAllAsync(TableNames.Submissions)).ToDictionary(r => r.GetString("UnitId"));
        Assert.Equal((true, false), (rows["ba-dinh-ttyt"].GetBoolean("OnTime")!.Value, rows["ba-dinh-ttyt"].GetBoolean("Late")!.Value));
        Assert.Equal((false, true), (rows["hoan-kiem-ubnd"].GetBoolean("OnTime")!.Value, rows["hoan-kiem-ubnd"].GetBoolean("Late")!.Value));

        // Once its own deadline has passed too, its next revision is late (the first one stays on time).
        app.Clock.Set(new DateTimeOffset(2024, 2, 6, 8, 0, 0, TimeSpan.FromHours(7)));
        Assert.True((await SubmitAsync(app, "ba-dinh-ttyt")).Late);
    }

    [Fact]
    public async Task A_grant_made_through_another_instance_counts_at_once_for_a_submission()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        await using var peer = await app.StartPeerAsync();
        app.Clock.Set(TwoDaysPastTheCampaignsDeadline);
        // This instance has the campaign's deadlines cached, without the grant to come.
        Assert.False((await app.Get<IUnitDeadlines>().ReadAsync((await app.Get<TetReadiness.Campaigns.CampaignService>().RequireAsync("tet-2024", CancellationToken.None)), CancellationToken.None)).IsExtended("ba-dinh-ttyt"));

        await GrantAsync(peer, "ba-dinh-ttyt", "2024-02-05");

        Assert.False((await SubmitAsync(app, "ba-dinh-ttyt")).Late);
    }

    [Fact]
    public async Task Before_the_campaigns_deadline_a_submission_reads_no_deadline_after_it_one_point_read()
    {
        var recorder = new RequestRecorder();
        await using var app = await RecordedTables.StartAppAsync(recorder);
        await Seed.RosterAndCampaignAsync(app);
        recorder.Take();

        await SubmitAsync(app, "ba-dinh-ubnd");
        var before = recorder.Take();
        app.Clock.Set(TwoDaysPastTheCampaignsDeadline);
        await SubmitAsync(app, "hoan-kiem-ubnd");
        var after = recorder.Take();

        Assert.DoesNotContain(before, r => r.Contains(TableNames.UnitDeadlines, StringComparison.Ordinal));
        var read = Assert.Single(after, r => r.Contains(TableNames.UnitDeadlines, StringComparison.Ordinal));
        Assert.Contains("UnitDeadlines(PartitionKey='tet-2024',RowKey='hoan-kiem-ubnd')", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_reporters_count_days_overdue_from_their_own_deadline_and_show_it_with_their_newest_note()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        await GrantAsync(app, "ba-dinh-ttyt", "2024-02-05");
        await app.Get<UnitNoteStore>().AddAsync("tet-2024", "ba-dinh-ttyt", "ba-dinh", "Đã gọi, hẹn gửi trước 10h", "dieuphoi@ba-dinh.invalid", app.Clock.GetUtcNow(), CancellationToken.None);
        await app.Get<UnitNoteStore>().AddAsync("tet-2024", "ba-dinh-ttyt", "ba-dinh", "Gọi lại lúc 14h", "dieuphoi@ba-dinh.invalid", app.Clock.GetUtcNow().AddMinutes(1), CancellationToken.None);
        app.Clock.Set(new DateTimeOffset(2024, 2, 3, 9, 0, 0, TimeSpan.FromHours(7)));

        foreach (var headers in new[] { AsCaller.CityCoordinator, AsCaller.Principal("dieuphoi@ba-dinh.invalid") })
        {
            var response = await Api.CallAsync(app, nameof(StatusFunctions.GetNonReporters), headers: headers);

            Assert.True(response.Status == 200, response.Body);
            var units = response.Json.EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetString()!);
            var extended = units["ba-dinh-ttyt"];
            Assert.Equal(0, extended.GetProperty("daysOverdue").GetInt32());
            Assert.Equal("2024-02-05T23:59:59+07:00", extended.GetProperty("deadline").GetString());
            Assert.True(extended.GetProperty("extended").GetBoolean());
            Assert.Equal("Gọi lại lúc 14h", extended.GetProperty("latestNote").GetProperty("text").GetString());
            Assert.Equal("dieuphoi@ba-dinh.invalid", extended.GetProperty("latestNote").GetProperty("by").GetString());
            Assert.Equal("2024-01-20T09:01:00+07:00", extended.GetProperty("latestNote").GetProperty("at").GetString());

            var late = units["ba-dinh-ubnd"];
            Assert.Equal(3, late.GetProperty("daysOverdue").GetInt32());
            Assert.Equal("2024-01-31T23:59:59+07:00", late.GetProperty("deadline").GetString());
            Assert.False(late.GetProperty("extended").GetBoolean());
            Assert.Equal(JsonValueKind.Null, late.GetProperty("latestNote").ValueKind);
        }
    }

    [Fact]
    public async Task Non_reporters_cost_one_notes_query_and_at_most_one_deadlines_query_for_an_area_and_for_the_city()
    {
        var recorder = new RequestRecorder();
        await using var app = await RecordedTables.StartAppAsync(recorder);
        await Seed.RosterAndCampaignAsync(app);
        await GrantAsync(app, "ba-dinh-ttyt", "2024-02-05");
        recorder.Take();

        var calls = new List<IReadOnlyList<string>>();
        foreach (var headers in new[] { AsCaller.Principal("dieuphoi@ba-dinh.invalid"), AsCaller.Principal("dieuphoi@ba-dinh.invalid"), AsCaller.CityCoordinator, AsCaller.CityCoordinator })
        {
            Assert.Equal(200, (await Api.CallAsync(app, nameof(StatusFunctions.GetNonReporters), headers: headers)).Status);
            calls.Add(recorder.Take());
        }

        int Count(IReadOnlyList<string> requests, string table) => requests.Count(r => r.Contains(table, StringComparison.Ordinal));
        Assert.Equal([1, 1, 1, 1], calls.Select(c => Count(c, TableNames.UnitNotes)));
        // The partition of deadlines is read once, then cached on the instance (a grant here drops it).
        Assert.Equal([1, 0, 0, 0], calls.Select(c => Count(c, TableNames.UnitDeadlines)));
        Assert.Contains(calls[0], r => r.Contains(TableNames.UnitNotes, StringComparison.Ordinal) && r.Contains("DistrictId eq 'ba-dinh'", StringComparison.Ordinal));
        Assert.Contains(calls[2], r => r.Contains(TableNames.UnitNotes, StringComparison.Ordinal) && !r.Contains("DistrictId", StringComparison.Ordinal));
    }

    private static Task GrantAsync(TestApp app, string unitId, string deadline) =>
        app.Get<UnitDeadlineService>().GrantAsync(Caller.System, "tet-2024", unitId, _ => Task.FromResult(new UnitDeadlineRequest { Deadline = deadline, Reason = "Mất điện" }), CancellationToken.None);

    private static async Task<SubmissionReceipt> SubmitAsync(TestApp app, string unitId) =>
        (await app.Get<SubmissionService>().SubmitAsync("tet-2024", unitId, _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None)).Receipt;
}
