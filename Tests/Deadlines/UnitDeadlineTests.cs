using System.Text.Json;
using TetReadiness.Deadlines;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Deadlines;

/// <summary>A unit's own deadline through the HTTP functions: granted, replaced and taken back by its coordinators, audited, validated, read by its readers.</summary>
public sealed class UnitDeadlineTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private const string BaDinhCoordinator = "dieuphoi@ba-dinh.invalid";
    private const string HoanKiemCoordinator = "dieuphoi@hoan-kiem.invalid";
    private readonly TestApp app = fixture.App;

    [Fact]
    public async Task A_coordinator_grants_replaces_and_takes_back_a_units_deadline_each_audited()
    {
        var granted = await PutAsync("ba-dinh-ttyt", "2024-02-05", "Mất điện diện rộng, chưa nhập được số liệu", AsCaller.Principal(BaDinhCoordinator));

        Assert.True(granted.Status == 201, granted.Body);
        Assert.Equal(["deadline", "campaignDeadline", "extended", "reason", "grantedBy", "grantedAt"], granted.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024-02-05T23:59:59+07:00", granted.Json.GetProperty("deadline").GetString());
        Assert.Equal("2024-01-31T23:59:59+07:00", granted.Json.GetProperty("campaignDeadline").GetString());
        Assert.True(granted.Json.GetProperty("extended").GetBoolean());
        Assert.Equal(BaDinhCoordinator, granted.Json.GetProperty("grantedBy").GetString());
        Assert.Equal("2024-01-20T09:00:00+07:00", granted.Json.GetProperty("grantedAt").GetString());

        // Its officer reads it; a time with an offset is taken as given.
        var read = await Api.CallAsync(app, nameof(DeadlineFunctions.GetUnitDeadline), unitId: "ba-dinh-ttyt", headers: AsCaller.Principal("truc@ba-dinh-ttyt.invalid"));
        Assert.True(read.Status == 200, read.Body);
        Assert.Equal(granted.Body, read.Body);

        var replaced = await PutAsync("ba-dinh-ttyt", "2024-02-03T17:00:00+07:00", "Rút ngắn theo đề nghị của đơn vị", AsCaller.CityCoordinator);
        Assert.True(replaced.Status == 200, replaced.Body);
        Assert.Equal("2024-02-03T17:00:00+07:00", replaced.Json.GetProperty("deadline").GetString());

        var revoked = await Api.CallAsync(app, nameof(DeadlineFunctions.DeleteUnitDeadline), unitId: "ba-dinh-ttyt", headers: AsCaller.Principal(BaDinhCoordinator));
        Assert.True(revoked.Status == 200, revoked.Body);
        Assert.False(revoked.Json.GetProperty("extended").GetBoolean());
        Assert.Equal("2024-01-31T23:59:59+07:00", revoked.Json.GetProperty("deadline").GetString());
        Assert.Equal(JsonValueKind.Null, revoked.Json.GetProperty("reason").ValueKind);
        Assert.Empty(await app.ReadAllAsync(TableNames.UnitDeadlines));

        var audit = (await app.ReadAllAsync(TableNames.AuditLog)).Where(r => r.GetString("Target") == "tet-2024/ba-dinh-ttyt").OrderBy(r => r.GetDateTimeOffset("At")).ThenBy(r => r.GetString("Action")).ToList();
        Assert.Equal(["deadline.delete", "deadline.put", "deadline.put"], audit.Select(r => r.GetString("Action")).Order());
        Assert.Contains(audit, r => r.GetString("Actor") == BaDinhCoordinator && r.GetString("Detail")!.Contains("2024-02-05T16:59:59", StringComparison.Ordinal) && r.GetString("Detail")!.Contains("Mất điện", StringComparison.Ordinal));

        await ProblemAssert.RefusedAsync(app, 404, "no deadline of its own", () =>
            Api.CallAsync(app, nameof(DeadlineFunctions.DeleteUnitDeadline), unitId: "ba-dinh-ttyt", headers: AsCaller.Principal(BaDinhCoordinator)));
    }

    [Theory]
    [InlineData("2024-01-30", "tăng ca", "deadline", "earlier than the campaign's (31/01/2024 23:59)")]
    [InlineData("2024-02-15", "tăng ca", "deadline", "after the campaign closes (14/02/2024 23:59)")]
    [InlineData("05/02/2024", "tăng ca", "deadline", "ISO 8601")]
    [InlineData(null, "tăng ca", "deadline", "Required")]
    [InlineData("2024-02-05", " ", "reason", "Required")]
    [InlineData("2024-02-05", "x501", "reason", "at most 500 characters")]
    public async Task A_grant_out_of_bounds_or_without_reason_is_refused_with_field_errors_and_nothing_written(string? deadline, string reason, string field, string error)
    {
        var body = JsonSerializer.Serialize(new { deadline, reason = reason == "x501" ? new string('x', 501) : reason });

        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () =>
            Api.CallAsync(app, nameof(DeadlineFunctions.PutUnitDeadline), unitId: "hoan-kiem-ubnd", body: body, headers: AsCaller.CityCoordinator));

        var errors = ProblemAssert.Errors(problem);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(error, errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_campaigns_own_bounds_are_accepted()
    {
        await using var own = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(own);

        var atDeadline = await Api.CallAsync(own, nameof(DeadlineFunctions.PutUnitDeadline), unitId: "ba-vi-ubnd", body: Body("2024-01-31T23:59:59+07:00", "đúng hạn"));
        var atClosing = await Api.CallAsync(own, nameof(DeadlineFunctions.PutUnitDeadline), unitId: "ba-vi-ubnd", body: Body("2024-02-14", "đến lúc đóng"));

        Assert.True(atDeadline.Status == 201, atDeadline.Body);
        Assert.False(atDeadline.Json.GetProperty("extended").GetBoolean());
        Assert.True(atClosing.Status == 200, atClosing.Body);
        Assert.True(atClosing.Json.GetProperty("extended").GetBoolean());
    }

    [Theory]
    [InlineData(nameof(DeadlineFunctions.PutUnitDeadline), HoanKiemCoordinator, "outside your scope")]
    [InlineData(nameof(DeadlineFunctions.DeleteUnitDeadline), HoanKiemCoordinator, "outside your scope")]
    [InlineData(nameof(DeadlineFunctions.PutUnitDeadline), "vanphong@ba-dinh.invalid", "coordinators of the unit's area")]
    [InlineData(nameof(DeadlineFunctions.DeleteUnitDeadline), "vanphong@ba-dinh.invalid", "coordinators of the unit's area")]
    [InlineData(nameof(DeadlineFunctions.GetUnitDeadline), HoanKiemCoordinator, "may not see")]
    public async Task Another_areas_coordinator_and_the_units_officer_may_not_change_it_and_nothing_is_written(string function, string email, string detail)
    {
        await ProblemAssert.RefusedAsync(app, 403, detail, () =>
            Api.CallAsync(app, function, unitId: "ba-dinh-ubnd", body: Body("2024-02-05", "lý do"), headers: AsCaller.Principal(email)));
    }

    [Fact]
    public async Task A_closed_campaigns_deadlines_no_longer_change()
    {
        await app.Get<TetReadiness.Campaigns.CampaignService>().PutAsync(
            "tet-closed", _ => Task.FromResult(Seed.Campaign(opensAt: "2024-01-01T08:00:00+07:00", deadline: "2024-01-10", closesAt: "2024-01-15")), TetReadiness.Identity.Caller.System, CancellationToken.None);

        await ProblemAssert.RefusedAsync(app, 409, "The campaign closed at 15/01/2024 23:59", () =>
            Api.CallAsync(app, nameof(DeadlineFunctions.PutUnitDeadline), campaignId: "tet-closed", unitId: "ba-dinh-ubnd", body: Body("2024-01-12", "lý do"), headers: AsCaller.CityCoordinator));
    }

    private Task<HttpResponseSnapshot> PutAsync(string unitId, string deadline, string reason, Dictionary<string, string> headers) =>
        Api.CallAsync(app, nameof(DeadlineFunctions.PutUnitDeadline), unitId: unitId, body: Body(deadline, reason), headers: headers);

    private static string Body(string deadline, string reason) => JsonSerializer.Serialize(new { deadline, reason });
}
