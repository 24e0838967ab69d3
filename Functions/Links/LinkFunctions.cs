using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Time;

namespace TetReadiness.Links;

public sealed class LinkFunctions(CallerResolver callers, UnitLinkService links)
{
    /// <summary>Mints a unit link: <c>{url, expiresAt}</c>. Body optional: <c>{"expiresAt": "..."}</c>.</summary>
    [Function(nameof(MintUnitLink))]
    public async Task<IActionResult> MintUnitLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/units/{unitId}/link")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken)
    {
        var minted = await links.MintAsync(callers.Identify(request), campaignId, unitId, token => ReadExpiresAtAsync(request, token), cancellationToken);
        return ApiResult.Json(minted, StatusCodes.Status201Created);
    }

    /// <summary>Every unit link of a campaign in the caller's scope, as CSV (UTF-8 with BOM, for Excel).</summary>
    [Function(nameof(ListUnitLinks))]
    public async Task<IActionResult> ListUnitLinks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/links")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        ApiResult.Text(await links.ListCsvAsync(callers.Identify(request), campaignId, cancellationToken), CsvFormat.ContentType)
            .WithHeader("Content-Disposition", $"attachment; filename=\"links-{campaignId}.csv\"");

    /// <summary>Revokes every link of a unit (all campaigns): <c>{generation}</c>.</summary>
    [Function(nameof(RevokeUnitLinks))]
    public async Task<IActionResult> RevokeUnitLinks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/units/{unitId}/links/revoke")] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(new { unitId, generation = await links.RevokeAsync(callers.Identify(request), unitId, cancellationToken) });

    /// <summary>The optional body of <see cref="MintUnitLink"/>: <c>{"expiresAt": "..."}</c>, or no body for the default expiry.</summary>
    private static async Task<DateTimeOffset?> ReadExpiresAtAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is not > 0)
        {
            return null;
        }

        var body = await RequestBody.ReadJsonAsync<MintLinkRequest>(request, cancellationToken, 4096);
        if (body.ExpiresAt is null)
        {
            return null;
        }

        return VietnamTime.TryParseCampaignTime(body.ExpiresAt, out var parsed)
            ? parsed
            : throw Refusal.InvalidField("expiresAt", c => c.IsoTimeRequired());
    }
}
