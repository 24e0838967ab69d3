using System.Text.Json;
using TetReadiness.Notes;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Notes;

/// <summary>Coordinators' notes on a unit through the HTTP functions: append-only, newest first, the unit's coordinators only.</summary>
public sealed class UnitNoteTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private const string BaDinhCoordinator = "dieuphoi@ba-dinh.invalid";
    private const string HoanKiemCoordinator = "dieuphoi@hoan-kiem.invalid";
    private readonly TestApp app = fixture.App;

    public static TheoryData<string, string> NotTheUnitsCoordinators => new()
    {
        { nameof(NoteFunctions.AddUnitNote), HoanKiemCoordinator },
        { nameof(NoteFunctions.ListUnitNotes), HoanKiemCoordinator },
        { nameof(NoteFunctions.AddUnitNote), "vanphong@ba-dinh.invalid" },
        { nameof(NoteFunctions.ListUnitNotes), "vanphong@ba-dinh.invalid" },
    };

    [Fact]
    public async Task The_units_coordinators_add_notes_and_read_them_newest_first()
    {
        var first = await AddAsync("ba-dinh-ttyt", "Đã gọi đ/c Lan, hẹn nộp trước 10h", AsCaller.Principal(BaDinhCoordinator));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await AddAsync("ba-dinh-ttyt", "  Đơn vị báo mất điện, gọi lại lúc 14h  ", AsCaller.CityCoordinator);
        app.Clock.Advance(TimeSpan.FromMinutes(-5));

        Assert.True(first.Status == 201, first.Body);
        Assert.Equal(("Đã gọi đ/c Lan, hẹn nộp trước 10h", BaDinhCoordinator), (first.Json.GetProperty("text").GetString(), first.Json.GetProperty("by").GetString()));
        Assert.Equal("2024-01-20T09:00:00+07:00", first.Json.GetProperty("at").GetString());
        Assert.Equal("Đơn vị báo mất điện, gọi lại lúc 14h", second.Json.GetProperty("text").GetString());

        var list = await Api.CallAsync(app, nameof(NoteFunctions.ListUnitNotes), unitId: "ba-dinh-ttyt", headers: AsCaller.Principal(BaDinhCoordinator));
        Assert.True(list.Status == 200, list.Body);
        Assert.Equal(
            ["Đơn vị báo mất điện, gọi lại lúc 14h", "Đã gọi đ/c Lan, hẹn nộp trước 10h"],
            list.Json.EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.Equal([AsCaller.CityCoordinatorEmail, BaDinhCoordinator], list.Json.EnumerateArray().Select(n => n.GetProperty("by").GetString()));
        Assert.Equal(["text", "by", "at"], list.Json[0].EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(NotTheUnitsCoordinators))]
    public async Task Another_areas_coordinator_and_the_units_officer_are_refused_and_nothing_is_written(string function, string email)
    {
        await ProblemAssert.RefusedAsync(app, 403, string.Empty, () =>
            Api.CallAsync(app, function, unitId: "ba-dinh-ubnd", body: Body("Ghi chú"), headers: AsCaller.Principal(email)));
    }

    [Fact]
    public async Task A_link_holder_of_the_unit_is_refused()
    {
        var token = await Api.MintTokenAsync(app, "tet-2024", "ba-dinh-ubnd");

        await ProblemAssert.RefusedAsync(app, 403, "coordinators of the unit's area", () =>
            Api.CallAsync(app, nameof(NoteFunctions.AddUnitNote), unitId: "ba-dinh-ubnd", body: Body("Ghi chú"), headers: AsCaller.LinkHeader(token)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\u0007bell")]
    public async Task A_note_without_text_or_with_control_characters_is_refused(string text)
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => AddAsync("ba-dinh-ubnd", text, AsCaller.CityCoordinator));

        Assert.Equal(["text"], ProblemAssert.Errors(problem).Keys);
    }

    [Fact]
    public async Task A_note_is_at_most_1000_characters()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => AddAsync("hoan-kiem-ubnd", new string('a', 1001), AsCaller.CityCoordinator));
        Assert.Contains("1000", ProblemAssert.Errors(problem)["text"][0], StringComparison.Ordinal);

        var longest = await AddAsync("hoan-kiem-ubnd", new string('ư', 1000) + "  \n", AsCaller.CityCoordinator);
        Assert.True(longest.Status == 201, longest.Body);
    }

    [Fact]
    public async Task Unknown_unit_unknown_campaign_and_bad_ids_are_refused_in_order()
    {
        await ProblemAssert.RefusedAsync(app, 404, "Unknown or inactive unit", () => Api.CallAsync(app, nameof(NoteFunctions.AddUnitNote), unitId: "khong-co", body: Body("x")));
        await ProblemAssert.RefusedAsync(app, 404, "Unknown campaign", () => Api.CallAsync(app, nameof(NoteFunctions.AddUnitNote), campaignId: "tet-2099", body: Body("x")));
        await ProblemAssert.RefusedAsync(app, 400, string.Empty, () => Api.CallAsync(app, nameof(NoteFunctions.ListUnitNotes), unitId: "BA DINH"));
        // 403 comes before the campaign's 404.
        await ProblemAssert.RefusedAsync(app, 403, string.Empty, () =>
            Api.CallAsync(app, nameof(NoteFunctions.ListUnitNotes), campaignId: "tet-2099", headers: AsCaller.Principal(HoanKiemCoordinator)));
    }

    private Task<HttpResponseSnapshot> AddAsync(string unitId, string text, Dictionary<string, string> headers) =>
        Api.CallAsync(app, nameof(NoteFunctions.AddUnitNote), unitId: unitId, body: Body(text), headers: headers);

    private static string Body(string text) => JsonSerializer.Serialize(new { text });
}
