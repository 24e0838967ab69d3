using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Time;

namespace TetReadiness.Links;

public sealed class LinkFunctions(CallerResolver callers, UnitLinkService links, HttpResponder responder)
{
    /// <summary>Mints a unit link: <c>{url, expiresAt}</c>. Body optional: <c>{"expiresAt": "..."}</c>.</summary>
    [Function(nameof(MintUnitLink))]
    public Task<IActionResult> MintUnitLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/units/{unitId}/link")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        responder.RespondAsync(request, async () =>
        {
            var caller = callers.Identify(request);
            DateTimeOffset? expiresAt = null;
            if (request.ContentLength is > 0)
            {
                var body = await RequestBody.ReadJsonAsync<MintLinkRequest>(request, cancellationToken, 4096);
                if (body.ExpiresAt is not null)
                {
                    expiresAt = VietnamTime.TryParseCampaignTime(body.ExpiresAt, out var parsed)
                        ? parsed
                        : throw ProblemException.Validation(new Dictionary<string, string[]> { ["expiresAt"] = ["Cần thời điểm ISO 8601. (An ISO 8601 time is required.)"] });
                }
            }

            return ApiResult.Json(await links.MintAsync(caller, campaignId, unitId, expiresAt, cancellationToken), StatusCodes.Status201Created);
        });

    /// <summary>Every unit link of a campaign in the caller's scope, as CSV (UTF-8 with BOM, for Excel).</summary>
    [Function(nameof(ListUnitLinks))]
    public Task<IActionResult> ListUnitLinks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/campaigns/{campaignId}/links")] HttpRequest request,
        string campaignId,
        CancellationToken cancellationToken) =>
        responder.RespondAsync(request, async () =>
            ApiResult.Text(await links.ListCsvAsync(callers.Identify(request), campaignId, cancellationToken), CsvFormat.ContentType)
                .WithHeader("Content-Disposition", $"attachment; filename=\"links-{campaignId}.csv\""));

    /// <summary>Revokes every link of a unit (all campaigns): <c>{generation}</c>.</summary>
    [Function(nameof(RevokeUnitLinks))]
    public Task<IActionResult> RevokeUnitLinks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/units/{unitId}/links/revoke")] HttpRequest request,
        string unitId,
        CancellationToken cancellationToken) =>
        responder.RespondAsync(request, async () =>
            ApiResult.Json(new { unitId, generation = await links.RevokeAsync(callers.Identify(request), unitId, cancellationToken) }));
}
