using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Status;

public sealed class StatusFunctions(StatusService status, CallerResolver callers)
{
    /// <summary>Reporting status of a campaign; <c>?district=</c> narrows it to one area.</summary>
    [Function(nameof(GetCampaignStatus))]
    public async Task<IActionResult> GetCampaignStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/status")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await status.GetStatusAsync(callers.Identify(request), campaignId, DistrictFilter(request), cancellationToken));

    [Function(nameof(GetNonReporters))]
    public async Task<IActionResult> GetNonReporters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/non-reporters")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await status.GetNonReportersAsync(callers.Identify(request), campaignId, DistrictFilter(request), cancellationToken));

    /// <summary>The units the campaign counts, by area, in the caller's scope: its frozen roster once it has closed.</summary>
    [Function(nameof(GetCampaignUnits))]
    public async Task<IActionResult> GetCampaignUnits(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/units")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await status.GetUnitsAsync(callers.Identify(request), campaignId, cancellationToken));

    /// <summary>The least-ready checklist items over the caller's scope (<c>?district=</c>, <c>?count=</c> up to 98).</summary>
    [Function(nameof(GetLeastReadyItems))]
    public async Task<IActionResult> GetLeastReadyItems(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/least-ready-items")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken)
    {
        var count = int.TryParse(request.Query["count"], out var asked) ? Math.Clamp(asked, 1, Campaigns.Checklist.MaxItems) : 10;
        return ApiResult.Json(await status.GetLeastReadyItemsAsync(callers.Identify(request), campaignId, DistrictFilter(request), count, cancellationToken));
    }

    /// <summary>The area asked for, as sent: the service checks it once the caller is known (401 and 403 come first).</summary>
    private static string? DistrictFilter(HttpRequest request) =>
        request.Query["district"].ToString() is { Length: > 0 } district ? district : null;
}
