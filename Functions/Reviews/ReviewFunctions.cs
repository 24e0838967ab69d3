using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Reviews;

public sealed class ReviewFunctions(ReviewService reviews, ReviewQueueService queue, CallerResolver callers)
{
    private const string UnitRoute = "api/campaigns/{campaignId}/units/{unitId}/";

    /// <summary>A coordinator accepts (locks) or returns the current revision: <c>{decision, comment, revision}</c>.</summary>
    [Function(nameof(PostReview))]
    public async Task<IActionResult> PostReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = UnitRoute + "review")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await reviews.ReviewAsync(callers.Identify(request), campaignId, unitId, token => RequestBody.ReadJsonAsync<ReviewRequest>(request, token), cancellationToken));

    /// <summary>The unit asks to reopen its accepted report: <c>{reason}</c>.</summary>
    [Function(nameof(PostReopenRequest))]
    public async Task<IActionResult> PostReopenRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = UnitRoute + "reopen-request")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await reviews.RequestReopenAsync(callers.Identify(request), campaignId, unitId, token => RequestBody.ReadJsonAsync<ReopenRequest>(request, token), cancellationToken));

    /// <summary>A coordinator reopens an accepted report (state returned): <c>{comment}</c>.</summary>
    [Function(nameof(PostReopen))]
    public async Task<IActionResult> PostReopen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = UnitRoute + "reopen")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await reviews.ReopenAsync(callers.Identify(request), campaignId, unitId, token => RequestBody.ReadJsonAsync<ReopenRequest>(request, token), cancellationToken));

    /// <summary>The unit's review transitions, newest first.</summary>
    [Function(nameof(ListReviews))]
    public async Task<IActionResult> ListReviews(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UnitRoute + "reviews")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await reviews.ListAsync(callers.Identify(request), campaignId, unitId, cancellationToken));

    /// <summary>The review queue of the caller's scope: <c>?districtId=</c> narrows it to an area, <c>?state=</c> to a state.</summary>
    [Function(nameof(GetReviewQueue))]
    public async Task<IActionResult> GetReviewQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/reviews")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await queue.GetQueueAsync(callers.Identify(request), campaignId, Query(request, "districtId") ?? Query(request, "district"), Query(request, "state"), cancellationToken));

    /// <summary>A query value as sent: the service checks it once the caller is known (401 and 403 come first).</summary>
    private static string? Query(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
