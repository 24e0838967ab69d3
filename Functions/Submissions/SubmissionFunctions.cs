using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Submissions;

public sealed class SubmissionFunctions(SubmissionService submissions, CallerResolver callers)
{
    private const string Route = "api/campaigns/{campaignId}/units/{unitId}/submission";

    [Function(nameof(PutSubmission))]
    public async Task<IActionResult> PutSubmission(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route)] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken)
    {
        var (receipt, created) = await submissions.SubmitAsync(
            campaignId,
            unitId,
            token => RequestBody.ReadJsonAsync<SubmissionRequest>(request, token),
            () => SubmissionPreconditions.Parse(request.Headers.IfMatch, request.Headers.IfNoneMatch),
            callers.Identify(request),
            cancellationToken);
        return ApiResult.Json(receipt, created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            .WithHeader("ETag", Revision.FormatETag(receipt.Revision));
    }

    /// <summary>The current submission with its answers and the unit's review; <c>?revision=n</c> reads an earlier one.</summary>
    [Function(nameof(GetSubmission))]
    public async Task<IActionResult> GetSubmission(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken)
    {
        int? number = int.TryParse(request.Query["revision"], out var value) && value > 0 ? value : null;
        var view = await submissions.GetViewAsync(callers.Identify(request), campaignId, unitId, number, cancellationToken);
        return ApiResult.Json(view).WithHeader("ETag", Revision.FormatETag(view.Revision));
    }

    [Function(nameof(ListRevisions))]
    public async Task<IActionResult> ListRevisions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/units/{unitId}/revisions")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await submissions.ListRevisionsAsync(callers.Identify(request), campaignId, unitId, cancellationToken));
}
