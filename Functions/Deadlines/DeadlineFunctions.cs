using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Deadlines;

public sealed class DeadlineFunctions(UnitDeadlineService deadlines, CallerResolver callers)
{
    private const string Route = "api/campaigns/{campaignId}/units/{unitId}/deadline";

    /// <summary>Grants the unit its own deadline (201 the first time, 200 when it replaces one).</summary>
    [Function(nameof(PutUnitDeadline))]
    public async Task<IActionResult> PutUnitDeadline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route)] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken)
    {
        var (view, created) = await deadlines.GrantAsync(
            callers.Identify(request), campaignId, unitId, token => RequestBody.ReadJsonAsync<UnitDeadlineRequest>(request, token), cancellationToken);
        return ApiResult.Json(view, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Takes the unit back to the campaign's deadline.</summary>
    [Function(nameof(DeleteUnitDeadline))]
    public async Task<IActionResult> DeleteUnitDeadline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route)] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await deadlines.RevokeAsync(callers.Identify(request), campaignId, unitId, cancellationToken));

    [Function(nameof(GetUnitDeadline))]
    public async Task<IActionResult> GetUnitDeadline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await deadlines.GetAsync(callers.Identify(request), campaignId, unitId, cancellationToken));
}
