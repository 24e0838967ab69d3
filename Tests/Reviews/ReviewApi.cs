using System.Text.Json;
using TetReadiness.Http;
using TetReadiness.Reviews;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Security;

namespace TetReadiness.Tests.Reviews;

/// <summary>The review endpoints and the submission endpoints they touch, called through their function classes.</summary>
public static class ReviewApi
{
    public const string Campaign = "tet-2024";
    public const string BaDinhCoordinator = "dieuphoi@ba-dinh.invalid";
    public const string BaDinhOfficer = "vanphong@ba-dinh.invalid";

    public static Dictionary<string, string> City => AsCaller.CityCoordinator;

    public static Dictionary<string, string> As(string email) => AsCaller.Principal(email);

    public static Task<HttpResponseSnapshot> SubmitAsync(TestApp app, string unit, IDictionary<string, string>? headers = null, SubmissionRequest? body = null, string? json = null) =>
        HttpCall.RunAsync(HttpCall.Request("PUT", $"/api/campaigns/{Campaign}/units/{unit}/submission", json ?? JsonSerializer.Serialize(body ?? Seed.Answers(), ApiJson.Options), "application/json", headers),
            r => app.Create<SubmissionFunctions>().PutSubmission(r, Campaign, unit, CancellationToken.None));

    public static Task<HttpResponseSnapshot> GetSubmissionAsync(TestApp app, string unit, IDictionary<string, string>? headers = null, string query = "") =>
        HttpCall.RunAsync(HttpCall.Request("GET", $"/api/campaigns/{Campaign}/units/{unit}/submission{query}", null, null, headers),
            r => app.Create<SubmissionFunctions>().GetSubmission(r, Campaign, unit, CancellationToken.None));

    public static Task<HttpResponseSnapshot> ReviewAsync(TestApp app, string unit, string decision, int revision, string? comment = null, IDictionary<string, string>? headers = null) =>
        PostAsync(app, unit, "review", new { decision, revision, comment }, headers ?? City, (f, r) => f.PostReview(r, Campaign, unit, CancellationToken.None));

    public static Task<HttpResponseSnapshot> RequestReopenAsync(TestApp app, string unit, string reason, IDictionary<string, string>? headers = null) =>
        PostAsync(app, unit, "reopen-request", new { reason }, headers ?? As(BaDinhOfficer), (f, r) => f.PostReopenRequest(r, Campaign, unit, CancellationToken.None));

    public static Task<HttpResponseSnapshot> ReopenAsync(TestApp app, string unit, string comment, IDictionary<string, string>? headers = null) =>
        PostAsync(app, unit, "reopen", new { comment }, headers ?? City, (f, r) => f.PostReopen(r, Campaign, unit, CancellationToken.None));

    public static Task<HttpResponseSnapshot> ListAsync(TestApp app, string unit, IDictionary<string, string>? headers = null) =>
        HttpCall.RunAsync(HttpCall.Request("GET", $"/api/campaigns/{Campaign}/units/{unit}/reviews", null, null, headers ?? City),
            r => app.Create<ReviewFunctions>().ListReviews(r, Campaign, unit, CancellationToken.None));

    public static Task<HttpResponseSnapshot> QueueAsync(TestApp app, string query = "", IDictionary<string, string>? headers = null) =>
        HttpCall.RunAsync(HttpCall.Request("GET", $"/api/campaigns/{Campaign}/reviews{query}", null, null, headers ?? City),
            r => app.Create<ReviewFunctions>().GetReviewQueue(r, Campaign, CancellationToken.None));

    /// <summary>The unit's current revision number, from the revision log.</summary>
    public static async Task<int> CurrentRevisionAsync(TestApp app, string unit) =>
        (await app.Get<RevisionStore>().ReadHeadersAsync(Campaign, unit, CancellationToken.None)).Select(h => h.Revision).DefaultIfEmpty(0).Max();

    private static Task<HttpResponseSnapshot> PostAsync(
        TestApp app, string unit, string path, object body, IDictionary<string, string> headers, Func<ReviewFunctions, Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> call) =>
        HttpCall.RunAsync(HttpCall.Json("POST", $"/api/campaigns/{Campaign}/units/{unit}/{path}", body, headers), r => call(app.Create<ReviewFunctions>(), r));
}
