using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TetReadiness.Http;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

/// <summary>Every refusal of the submission contract: status, problem+json, a useful detail, the errors map, and nothing written.</summary>
public sealed class SubmissionErrorTests : IClassFixture<SubmissionErrorFixture>
{
    private const string Campaign = "tet-2024";
    private const string Submitted = "ba-dinh-ubnd";
    private const string NotYetSubmitted = "ba-dinh-ttyt";

    private readonly TestApp app;

    public SubmissionErrorTests(SubmissionErrorFixture fixture)
    {
        app = fixture.App;
        app.Clock.Set(SubmissionErrorFixture.WhileOpen);
    }

    private static string Path(string campaignId, string unitId) => $"/api/campaigns/{campaignId}/units/{unitId}/submission";

    private Task<HttpResponseSnapshot> PutAsync(string campaignId, string unitId, HttpRequest request) =>
        HttpCall.RunAsync(request, r => app.Create<SubmissionFunctions>().PutSubmission(r, campaignId, unitId, CancellationToken.None));

    private Task<HttpResponseSnapshot> PutJsonAsync(string body, string unitId = NotYetSubmitted, string campaignId = Campaign, string? contentType = "application/json") =>
        PutAsync(campaignId, unitId, HttpCall.Request("PUT", Path(campaignId, unitId), body, contentType));

    private Task<HttpResponseSnapshot> PutAnswersAsync(SubmissionRequest body, string unitId = NotYetSubmitted, string campaignId = Campaign, IDictionary<string, string>? headers = null) =>
        PutAsync(campaignId, unitId, HttpCall.Json("PUT", Path(campaignId, unitId), body, headers));

    private static SubmissionRequest With(params (string? ItemId, string? Status, string? Note)[] answers) => new()
    {
        Answers = [.. answers.Select(a => new SubmissionRequest.AnswerRequest { ItemId = a.ItemId, Status = a.Status, Note = a.Note })],
    };

    [Theory]
    [InlineData("{answers: []}")]
    [InlineData("{\"answers\": [}")]
    [InlineData("<answers/>")]
    [InlineData("{\"answers\": []} trailing")]
    public async Task Malformed_JSON_is_a_bad_request(string body)
    {
        await ProblemAssert.RefusedAsync(app, 400, "Malformed JSON", () => PutJsonAsync(body));
    }

    [Fact]
    public async Task Truncated_JSON_is_a_bad_request_saying_where()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "Malformed JSON at line 1",
            () => PutJsonAsync("{\"answers\":[{\"itemId\":\"pccc-cho\",\"status\":\"ready\"}"));

        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task JSON_of_the_wrong_shape_is_a_bad_request_naming_the_path()
    {
        await ProblemAssert.RefusedAsync(app, 400, "$.answers", () => PutJsonAsync("{\"answers\": \"ready\"}"));
    }

    [Fact]
    public async Task JSON_null_is_a_bad_request()
    {
        await ProblemAssert.RefusedAsync(app, 400, "JSON null", () => PutJsonAsync("null"));
    }

    [Fact]
    public async Task An_empty_body_is_a_bad_request()
    {
        await ProblemAssert.RefusedAsync(app, 400, "empty", () => PutJsonAsync(""));
    }

    [Fact]
    public async Task An_unknown_item_is_refused_with_its_error()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'",
            () => PutAnswersAsync(With(("pccc-cho", "ready", null), ("an-sinh-qua-tet", "ready", null), ("khong-co-muc-nay", "ready", null))));

        var errors = ProblemAssert.Errors(problem);
        Assert.Equal(["answers[2].itemId"], errors.Keys);
        Assert.Contains("khong-co-muc-nay", errors["answers[2].itemId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_item_is_refused_with_its_error()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'",
            () => PutAnswersAsync(With(("pccc-cho", "ready", null), ("an-sinh-qua-tet", "ready", null), ("pccc-cho", "partial", null))));

        Assert.Contains("Duplicate", Assert.Single(ProblemAssert.Errors(problem)["items.pccc-cho"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_item_is_refused_with_its_error()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => PutAnswersAsync(With(("pccc-cho", "ready", null))));

        var errors = ProblemAssert.Errors(problem);
        Assert.Equal(["items.an-sinh-qua-tet"], errors.Keys);
        Assert.Contains("Required", errors["items.an-sinh-qua-tet"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_status_is_refused_with_its_error()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => PutAnswersAsync(Seed.Answers(fire: "done")));

        Assert.Contains("not_applicable", Assert.Single(ProblemAssert.Errors(problem)["items.pccc-cho"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_over_2000_characters_is_refused_with_its_error()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => PutAnswersAsync(Seed.Answers(note: new string('x', 2001))));

        Assert.Contains("2000", Assert.Single(ProblemAssert.Errors(problem)["items.pccc-cho"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Difficulties_or_proposals_over_4000_characters_are_refused_with_their_field_errors_and_nothing_written()
    {
        var request = Seed.Answers(note: new string('x', 2001));
        request.Difficulties = new string('ơ', 4001);
        request.Proposals = new string('ư', 4000) + "!";

        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'", () => PutAnswersAsync(request));

        var errors = ProblemAssert.Errors(problem);
        Assert.Equal(["difficulties", "items.pccc-cho", "proposals"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("4000", Assert.Single(errors["difficulties"]), StringComparison.Ordinal);
        Assert.Contains("4000", Assert.Single(errors["proposals"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_in_a_report_is_listed_at_once()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "see 'errors'",
            () => PutAnswersAsync(With(("pccc-cho", "done", null), ("pccc-phuong-tien", "ready", new string('x', 2001)), ("nope", "ready", null))));

        Assert.Equal(["answers[2].itemId", "items.an-sinh-qua-tet", "items.pccc-cho", "items.pccc-phuong-tien"], ProblemAssert.Errors(problem).Keys.Order());
    }

    public static TheoryData<string> BadIds => new() { "../x", "A B", "x' or '1'='1", new string('a', 65), "tet-2024\n", "" };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_bad_campaign_id_is_refused(string campaignId)
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "Invalid campaign id", () => PutAnswersAsync(Seed.Answers(), campaignId: campaignId));

        Assert.Equal(["campaignId"], ProblemAssert.Errors(problem).Keys);
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_bad_unit_id_is_refused(string unitId)
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "Invalid unit id", () => PutAnswersAsync(Seed.Answers(), unitId: unitId));

        Assert.Equal(["unitId"], ProblemAssert.Errors(problem).Keys);
    }

    [Fact]
    public async Task An_unknown_campaign_is_not_found()
    {
        await ProblemAssert.RefusedAsync(app, 404, "Unknown campaign", () => PutAnswersAsync(Seed.Answers(), campaignId: "tet-2099"));
    }

    [Fact]
    public async Task An_unknown_unit_is_not_found()
    {
        await ProblemAssert.RefusedAsync(app, 404, "Unknown or inactive unit", () => PutAnswersAsync(Seed.Answers(), unitId: "khong-co"));
    }

    [Fact]
    public async Task A_unit_removed_by_a_later_roster_import_is_not_found()
    {
        await ProblemAssert.RefusedAsync(app, 404, "Unknown or inactive unit", () => PutAnswersAsync(Seed.Answers(), unitId: "ba-vi-ubnd"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_body_that_is_not_UTF8_JSON_is_an_unsupported_media_type(string? contentType)
    {
        await ProblemAssert.RefusedAsync(app, 415, "Content-Type must be application/json",
            () => PutJsonAsync(JsonSerializer.Serialize(Seed.Answers(), ApiJson.Options), contentType: contentType));
    }

    [Fact]
    public async Task A_body_declared_over_256_KiB_is_too_large()
    {
        await ProblemAssert.RefusedAsync(app, 413, "256 KiB", () => PutAnswersAsync(Seed.Answers(note: new string('x', 300 * 1024))));
    }

    [Fact]
    public async Task A_streamed_body_over_256_KiB_is_too_large_without_being_read_whole()
    {
        var request = HttpCall.Json("PUT", Path(Campaign, NotYetSubmitted), Seed.Answers(note: new string('x', 300 * 1024)));
        request.ContentLength = null;

        await ProblemAssert.RefusedAsync(app, 413, "256 KiB", () => PutAsync(Campaign, NotYetSubmitted, request));
    }

    [Fact]
    public async Task A_submission_before_the_campaign_opens_is_a_conflict()
    {
        app.Clock.Set(new DateTimeOffset(2024, 1, 15, 7, 59, 59, TimeSpan.FromHours(7)));

        await ProblemAssert.RefusedAsync(app, 409, "not open yet", () => PutAnswersAsync(Seed.Answers()));
    }

    [Fact]
    public async Task A_submission_after_the_campaign_closes_is_a_conflict()
    {
        app.Clock.Set(new DateTimeOffset(2024, 2, 15, 0, 0, 0, TimeSpan.FromHours(7)));

        await ProblemAssert.RefusedAsync(app, 409, "closed", () => PutAnswersAsync(Seed.Answers()));
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_failed_precondition()
    {
        var headers = new Dictionary<string, string> { ["If-Match"] = "\"r7\"" };

        await ProblemAssert.RefusedAsync(app, 412, "revision 1", () => PutAnswersAsync(Seed.Answers(), Submitted, headers: headers));
    }

    [Fact]
    public async Task If_Match_before_any_submission_is_a_failed_precondition()
    {
        var headers = new Dictionary<string, string> { ["If-Match"] = "\"r1\"" };

        await ProblemAssert.RefusedAsync(app, 412, "No submission exists yet", () => PutAnswersAsync(Seed.Answers(), NotYetSubmitted, headers: headers));
    }

    [Fact]
    public async Task If_None_Match_star_on_a_second_submission_is_a_failed_precondition()
    {
        var headers = new Dictionary<string, string> { ["If-None-Match"] = "*" };

        await ProblemAssert.RefusedAsync(app, 412, "already exists", () => PutAnswersAsync(Seed.Answers(), Submitted, headers: headers));
    }

    [Fact]
    public async Task An_If_Match_that_is_not_a_revision_tag_is_a_bad_request()
    {
        var headers = new Dictionary<string, string> { ["If-Match"] = "0x8DC3A1B2C3D4E5F" };

        await ProblemAssert.RefusedAsync(app, 400, "If-Match must be an ETag like", () => PutAnswersAsync(Seed.Answers(), Submitted, headers: headers));
    }

    [Fact]
    public async Task Reading_a_unit_that_has_not_reported_is_not_found()
    {
        await ProblemAssert.RefusedAsync(app, 404, "No submission yet", () => HttpCall.RunAsync(
            HttpCall.Request("GET", Path(Campaign, NotYetSubmitted), contentType: null),
            r => app.Create<SubmissionFunctions>().GetSubmission(r, Campaign, NotYetSubmitted, CancellationToken.None)));
    }

    [Fact]
    public async Task Reading_a_revision_that_does_not_exist_is_not_found()
    {
        await ProblemAssert.RefusedAsync(app, 404, "No such revision", () => HttpCall.RunAsync(
            HttpCall.Request("GET", Path(Campaign, Submitted) + "?revision=5", contentType: null),
            r => app.Create<SubmissionFunctions>().GetSubmission(r, Campaign, Submitted, CancellationToken.None)));
    }

    [Fact]
    public async Task Problems_carry_the_request_path_as_instance()
    {
        var response = await PutAnswersAsync(Seed.Answers(), campaignId: "tet-2099");

        Assert.Equal(Path("tet-2099", NotYetSubmitted), response.Json.GetProperty("instance").GetString());
        Assert.Equal("https://httpstatuses.io/404", response.Json.GetProperty("type").GetString());
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_body_in_a_legacy_encoding_is_refused_before_anything_is_written()
    {
        var request = HttpCall.Request("PUT", Path(Campaign, NotYetSubmitted), contentType: "application/json");
        var latin1 = Encoding.Latin1.GetBytes("{\"answers\":[{\"itemId\":\"pccc-cho\",\"status\":\"ready\",\"note\":\"D\u00e3 xong\"},{\"itemId\":\"an-sinh-qua-tet\",\"status\":\"ready\"}]}");
        request.Body = new MemoryStream(latin1);
        request.ContentLength = latin1.Length;

        await ProblemAssert.RefusedAsync(app, 400, "Malformed JSON", () => PutAsync(Campaign, NotYetSubmitted, request));
    }

    /// <summary>
    /// Requests wrong in two ways get the status of the check that comes first (README, HTTP contract): 401, 400 for
    /// an id that cannot be a key, 404 for the unit, 403, 404 for the campaign, 415, 413, 400, 409/412.
    /// </summary>
    public static TheoryData<string, int, string> TwoWrongs => new()
    {
        { "anonymous, malformed JSON", 401, "Sign in" },
        { "anonymous, an If-Match that is not a revision tag", 401, "Sign in" },
        { "another unit's officer, not JSON", 403, "You may not report for this unit" },
        { "unknown campaign, not JSON", 404, "Unknown campaign" },
        { "not JSON, too large", 415, "Content-Type must be application/json" },
        { "too large, malformed JSON", 413, "larger than 256 KiB" },
        { "malformed JSON, an If-Match that is not a revision tag", 400, "Malformed JSON" },
        { "an unknown item, If-None-Match: * on a unit that has reported", 400, "see 'errors'" },
    };

    [Theory]
    [MemberData(nameof(TwoWrongs))]
    public async Task A_request_wrong_in_two_ways_gets_the_earlier_status(string wrongs, int status, string detail)
    {
        var anonymous = new Dictionary<string, string> { [HttpCall.PrincipalHeader] = HttpCall.Anonymous };
        var badIfMatch = "0x8DC3A1B2C3D4E5F";
        var tooLarge = new string(' ', RequestBody.DefaultLimitBytes + 1);
        var unknownItem = JsonSerializer.Serialize(With(("khong-co", "ready", null)), ApiJson.Options);
        var (campaignId, unitId, body, contentType, headers) = wrongs switch
        {
            "anonymous, malformed JSON" => (Campaign, NotYetSubmitted, "{", "application/json", anonymous),
            "anonymous, an If-Match that is not a revision tag" => (Campaign, NotYetSubmitted, JsonSerializer.Serialize(Seed.Answers(), ApiJson.Options), "application/json", new Dictionary<string, string>(anonymous) { ["If-Match"] = badIfMatch }),
            "another unit's officer, not JSON" => (Campaign, NotYetSubmitted, "answers", "text/plain", new Dictionary<string, string> { [HttpCall.PrincipalHeader] = HttpCall.Principal("someone@elsewhere.invalid") }),
            "unknown campaign, not JSON" => ("tet-2099", NotYetSubmitted, "answers", "text/plain", new Dictionary<string, string>()),
            "not JSON, too large" => (Campaign, NotYetSubmitted, tooLarge, "text/plain", new Dictionary<string, string>()),
            "too large, malformed JSON" => (Campaign, NotYetSubmitted, "{" + tooLarge, "application/json", new Dictionary<string, string>()),
            "malformed JSON, an If-Match that is not a revision tag" => (Campaign, Submitted, "{", "application/json", new Dictionary<string, string> { ["If-Match"] = badIfMatch }),
            "an unknown item, If-None-Match: * on a unit that has reported" => (Campaign, Submitted, unknownItem, "application/json", new Dictionary<string, string> { ["If-None-Match"] = "*" }),
            _ => throw new ArgumentOutOfRangeException(nameof(wrongs), wrongs, null),
        };

        await ProblemAssert.RefusedAsync(app, status, detail, () => PutAsync(campaignId, unitId, HttpCall.Request("PUT", Path(campaignId, unitId), body, contentType, headers)));
    }
}
