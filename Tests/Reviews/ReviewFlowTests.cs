using System.Text.Json;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Security;
using static TetReadiness.Tests.Reviews.ReviewApi;

namespace TetReadiness.Tests.Reviews;

/// <summary>Every transition of a report's review, through the HTTP functions, and what a unit and a coordinator see of it.</summary>
public sealed class ReviewFlowTests
{
    private const string Unit = "ba-dinh-ubnd";

    private static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }

    private static void Ok(HttpResponseSnapshot response, int status = 200) => Assert.True(response.Status == status, $"{response.Status}: {response.Body}");

    [Fact]
    public async Task Return_with_a_comment_then_resubmit_then_accept_locks_the_report()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);

        var returned = await ReviewAsync(app, Unit, "returned", 1, "Thiếu số liệu PCCC chợ Long Biên", As(BaDinhCoordinator));
        Ok(returned);
        Assert.Equal(("returned", "returned", 1, 1), (returned.Json.GetProperty("reviewState").GetString(), returned.Json.GetProperty("decision").GetString(), returned.Json.GetProperty("sequence").GetInt32(), returned.Json.GetProperty("revision").GetInt32()));
        Assert.Equal(BaDinhCoordinator, returned.Json.GetProperty("reviewedBy").GetString());

        var seen = (await GetSubmissionAsync(app, Unit, As(BaDinhOfficer))).Json;
        Assert.Equal("returned", seen.GetProperty("reviewState").GetString());
        Assert.Equal("Thiếu số liệu PCCC chợ Long Biên", seen.GetProperty("reviewComment").GetString());
        Assert.Equal(1, seen.GetProperty("reviewedRevision").GetInt32());
        Assert.Equal("+07:00", seen.GetProperty("reviewedAt").GetString()![^6..]);

        // The return's guard is lifted as a fence, not deleted: a writer that read the log before still reads it again.
        var above = (await app.ReadAllAsync(TableNames.SubmissionRevisions)).Single(r => r.RowKey == RevisionKeys.Header(2));
        Assert.Equal(RevisionStore.FenceRowType, above.GetString("RowType"));

        Ok(await SubmitAsync(app, Unit, As(BaDinhOfficer), Seed.Answers(fire: "ready", note: "đã bổ sung")));
        Assert.Equal("submitted", (await GetSubmissionAsync(app, Unit)).Json.GetProperty("reviewState").GetString());
        Assert.Equal("submitted", await CopiedStateAsync(app, Unit));

        var accepted = await ReviewAsync(app, Unit, "accepted", 2);
        Ok(accepted);
        Assert.Equal(("accepted", 2), (accepted.Json.GetProperty("reviewState").GetString(), accepted.Json.GetProperty("sequence").GetInt32()));
        Assert.Equal("accepted", await CopiedStateAsync(app, Unit));

        // Locked: refused with the state named, nothing written, by an officer and through a link.
        await ProblemAssert.RefusedAsync(app, 409, "'accepted'", () => SubmitAsync(app, Unit, As(BaDinhOfficer)));
        var token = await Api.MintTokenAsync(app, Campaign, Unit);
        await ProblemAssert.RefusedAsync(app, 409, "'accepted'", () => SubmitAsync(app, Unit, AsCaller.LinkHeader(token), json: Api.LinkAnswersJson));
        Assert.Equal(2, await CurrentRevisionAsync(app, Unit));

        var history = (await ListAsync(app, Unit, As(BaDinhOfficer))).Json.EnumerateArray().Select(e => (e.GetProperty("sequence").GetInt32(), e.GetProperty("decision").GetString(), e.GetProperty("fromState").GetString(), e.GetProperty("toState").GetString())).ToList();
        Assert.Equal([(2, "accepted", "submitted", "accepted"), (1, "returned", "submitted", "returned")], history);
    }

    [Fact]
    public async Task A_reopen_request_then_a_reopening_lets_the_unit_submit_again()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await ReviewAsync(app, Unit, "accepted", 1));

        var request = await RequestReopenAsync(app, Unit, "Số liệu quà Tết bị nhập sai");
        Ok(request);
        Assert.Equal(("accepted", "reopen-requested"), (request.Json.GetProperty("reviewState").GetString(), request.Json.GetProperty("decision").GetString()));
        var view = (await GetSubmissionAsync(app, Unit, As(BaDinhOfficer))).Json;
        Assert.Equal(("accepted", "Số liệu quà Tết bị nhập sai"), (view.GetProperty("reviewState").GetString(), view.GetProperty("reopenReason").GetString()));
        Assert.Equal(JsonValueKind.String, view.GetProperty("reopenRequestedAt").ValueKind);
        Assert.True((await QueueAsync(app)).Json.EnumerateArray().Single(e => e.GetProperty("unitId").GetString() == Unit).GetProperty("reopenRequested").GetBoolean());

        await ProblemAssert.RefusedAsync(app, 409, "asked to reopen it at 20/01/2024 09:00", () => RequestReopenAsync(app, Unit, "lần nữa"));
        var token = await Api.MintTokenAsync(app, Campaign, Unit);
        await ProblemAssert.RefusedAsync(app, 409, "asked to reopen", () => RequestReopenAsync(app, Unit, "qua liên kết", AsCaller.LinkHeader(token)));

        var reopened = await ReopenAsync(app, Unit, "Mở lại để sửa số liệu quà Tết", As(BaDinhCoordinator));
        Ok(reopened);
        Assert.Equal(("returned", "reopened"), (reopened.Json.GetProperty("reviewState").GetString(), reopened.Json.GetProperty("decision").GetString()));
        view = (await GetSubmissionAsync(app, Unit, As(BaDinhOfficer))).Json;
        Assert.Equal(("returned", "Mở lại để sửa số liệu quà Tết"), (view.GetProperty("reviewState").GetString(), view.GetProperty("reviewComment").GetString()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("reopenRequestedAt").ValueKind);
        Assert.Empty(await GuardsAsync(app, Unit));

        Ok(await SubmitAsync(app, Unit, AsCaller.LinkHeader(token), json: Api.LinkAnswersJson));
        Assert.Equal("submitted", (await GetSubmissionAsync(app, Unit)).Json.GetProperty("reviewState").GetString());
        await ProblemAssert.RefusedAsync(app, 409, "Only an accepted report", () => ReopenAsync(app, Unit, "lại"));
        await ProblemAssert.RefusedAsync(app, 409, "Only an accepted report", () => RequestReopenAsync(app, Unit, "lại"));
    }

    [Fact]
    public async Task A_stale_revision_a_second_return_and_a_unit_without_report_are_refused_with_409_and_nothing_written()
    {
        await using var app = await StartAsync();
        await ProblemAssert.RefusedAsync(app, 409, "not submitted", () => ReviewAsync(app, Unit, "accepted", 1));
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await SubmitAsync(app, Unit));

        await ProblemAssert.RefusedAsync(app, 409, "revision 2, not 1", () => ReviewAsync(app, Unit, "accepted", 1));
        Ok(await ReviewAsync(app, Unit, "returned", 2, "Bổ sung"));
        await ProblemAssert.RefusedAsync(app, 409, "already returned", () => ReviewAsync(app, Unit, "returned", 2, "Bổ sung nữa"));
        Ok(await ReviewAsync(app, Unit, "accepted", 2));
        await ProblemAssert.RefusedAsync(app, 409, "already accepted", () => ReviewAsync(app, Unit, "returned", 2, "Sai"));
    }

    [Fact]
    public async Task A_body_that_cannot_be_taken_is_400_with_the_field_named_and_nothing_written()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);

        var problem = await ProblemAssert.RefusedAsync(app, 400, "errors", () => ReviewAsync(app, Unit, "returned", 1));
        Assert.Contains("comment", ProblemAssert.Errors(problem).Keys);
        problem = await ProblemAssert.RefusedAsync(app, 400, "errors", () => ReviewAsync(app, Unit, "approve", 0));
        Assert.Equal(["decision", "revision"], ProblemAssert.Errors(problem).Keys.Order());
    }

    [Fact]
    public async Task Only_coordinators_of_the_unit_review_or_reopen_and_only_its_writers_ask_to_reopen()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await SubmitAsync(app, "hoan-kiem-ubnd"), 201);

        // Another area's coordinator, an officer, a link holder: 403, nothing written.
        await ProblemAssert.RefusedAsync(app, 403, "coordinator of the unit's area", () => ReviewAsync(app, "hoan-kiem-ubnd", "accepted", 1, headers: As(BaDinhCoordinator)));
        await ProblemAssert.RefusedAsync(app, 403, "coordinator of the unit's area", () => ReviewAsync(app, Unit, "accepted", 1, headers: As(BaDinhOfficer)));
        var token = await Api.MintTokenAsync(app, Campaign, Unit);
        await ProblemAssert.RefusedAsync(app, 403, "coordinator of the unit's area", () => ReviewAsync(app, Unit, "accepted", 1, headers: AsCaller.LinkHeader(token)));
        await ProblemAssert.RefusedAsync(app, 401, "Sign in", () => ReviewAsync(app, Unit, "accepted", 1, headers: AsCaller.Nobody));

        Ok(await ReviewAsync(app, Unit, "accepted", 1, headers: As(BaDinhCoordinator)));
        Ok(await ReviewAsync(app, "hoan-kiem-ubnd", "accepted", 1));
        await ProblemAssert.RefusedAsync(app, 403, "coordinator of the unit's area", () => ReopenAsync(app, "hoan-kiem-ubnd", "mở", As(BaDinhCoordinator)));
        await ProblemAssert.RefusedAsync(app, 403, "coordinator of the unit's area", () => ReopenAsync(app, Unit, "mở", As(BaDinhOfficer)));

        // A coordinator reopens directly; asking is the unit's (officers and link holders).
        await ProblemAssert.RefusedAsync(app, 403, "may not report", () => RequestReopenAsync(app, Unit, "xin mở", As(BaDinhCoordinator)));
        await ProblemAssert.RefusedAsync(app, 403, "may not report", () => RequestReopenAsync(app, "hoan-kiem-ubnd", "xin mở", As(BaDinhOfficer)));

        // The unit's history: its readers only.
        ProblemAssert.Is(await ListAsync(app, "hoan-kiem-ubnd", As(BaDinhCoordinator)), 403, "may not see");
        Ok(await ListAsync(app, Unit, As(BaDinhCoordinator)));
    }

    [Fact]
    public async Task The_review_queue_lists_the_scope_awaiting_review_first_then_returned_then_accepted()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Ok(await SubmitAsync(app, "ba-dinh-ttyt"), 201);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Ok(await SubmitAsync(app, "hoan-kiem-ubnd"), 201);
        Ok(await ReviewAsync(app, Unit, "accepted", 1));
        Ok(await ReviewAsync(app, "hoan-kiem-ubnd", "returned", 1, "Bổ sung"));

        var city = (await QueueAsync(app)).Json.EnumerateArray().ToList();
        Assert.Equal(["ba-dinh-ttyt", "hoan-kiem-ubnd", Unit], city.Select(e => e.GetProperty("unitId").GetString()));
        Assert.Equal(["submitted", "returned", "accepted"], city.Select(e => e.GetProperty("reviewState").GetString()));
        Assert.Equal(("UBND Quận Ba Đình", "Quận Ba Đình", 1), (city[2].GetProperty("unitName").GetString(), city[2].GetProperty("districtName").GetString(), city[2].GetProperty("revision").GetInt32()));
        Assert.Equal(JsonValueKind.String, city[2].GetProperty("reviewedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, city[0].GetProperty("reviewedAt").ValueKind);

        var area = (await QueueAsync(app, headers: As(BaDinhCoordinator))).Json.EnumerateArray().Select(e => e.GetProperty("unitId").GetString());
        Assert.Equal(["ba-dinh-ttyt", Unit], area);
        Assert.Equal([Unit], (await QueueAsync(app, "?state=accepted")).Json.EnumerateArray().Select(e => e.GetProperty("unitId").GetString()));
        Assert.Equal(["hoan-kiem-ubnd"], (await QueueAsync(app, "?districtId=hoan-kiem")).Json.EnumerateArray().Select(e => e.GetProperty("unitId").GetString()));

        ProblemAssert.Is(await QueueAsync(app, "?districtId=hoan-kiem", As(BaDinhCoordinator)), 403, "outside your scope");
        ProblemAssert.Is(await QueueAsync(app, headers: As(BaDinhOfficer)), 403, "oordinators");
        ProblemAssert.Is(await QueueAsync(app, "?state=approved"), 400, "errors");
    }

    [Fact]
    public async Task An_earlier_revision_is_read_with_the_review_state_of_the_report_as_it_is_now()
    {
        await using var app = await StartAsync();
        Ok(await SubmitAsync(app, Unit), 201);
        Ok(await ReviewAsync(app, Unit, "returned", 1, "Bổ sung"));
        Ok(await SubmitAsync(app, Unit));

        var first = (await GetSubmissionAsync(app, Unit, query: "?revision=1")).Json;

        Assert.Equal((1, "submitted", "Bổ sung"), (first.GetProperty("revision").GetInt32(), first.GetProperty("reviewState").GetString(), first.GetProperty("reviewComment").GetString()));
    }

    internal static async Task<string?> CopiedStateAsync(TestApp app, string unit) =>
        (await app.ReadAllAsync(TableNames.Submissions)).Single(r => r.GetString("UnitId") == unit).GetString("ReviewState");

    internal static async Task<List<Azure.Data.Tables.TableEntity>> GuardsAsync(TestApp app, string unit) =>
        (await app.ReadAllAsync(TableNames.SubmissionRevisions)).Where(r => r.GetString("UnitId") == unit && r.GetString("RowType") == RevisionStore.GuardRowType).ToList();
}
