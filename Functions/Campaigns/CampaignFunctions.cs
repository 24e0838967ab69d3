using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Campaigns;

public sealed class CampaignFunctions(CampaignService campaigns, CallerResolver callers)
{
    [Function(nameof(PutCampaign))]
    public async Task<IActionResult> PutCampaign(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/campaigns/{campaignId}")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken)
    {
        var (view, created) = await campaigns.PutAsync(
            campaignId,
            token => RequestBody.ReadJsonAsync<CampaignDefinition>(request, token),
            callers.Identify(request),
            cancellationToken,
            createOnly: request.Headers.IfNoneMatch.ToString().Trim() == "*");
        return ApiResult.Json(view, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    [Function(nameof(GetCampaign))]
    public async Task<IActionResult> GetCampaign(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await campaigns.GetAsync(callers.Identify(request), campaignId, cancellationToken));

    /// <summary>The campaigns the caller may see, newest first; <c>?open=true</c> keeps those open now.</summary>
    [Function(nameof(ListCampaigns))]
    public async Task<IActionResult> ListCampaigns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await campaigns.ListAsync(callers.Identify(request), bool.TryParse(request.Query["open"], out var open) && open, cancellationToken));
}
