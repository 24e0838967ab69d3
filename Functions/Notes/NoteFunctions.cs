using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Notes;

public sealed class NoteFunctions(UnitNoteService notes, CallerResolver callers)
{
    private const string Route = "api/campaigns/{campaignId}/units/{unitId}/notes";

    [Function(nameof(AddUnitNote))]
    public async Task<IActionResult> AddUnitNote(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(
            await notes.AddAsync(callers.Identify(request), campaignId, unitId, token => RequestBody.ReadJsonAsync<UnitNoteRequest>(request, token), cancellationToken),
            StatusCodes.Status201Created);

    /// <summary>The unit's notes, newest first.</summary>
    [Function(nameof(ListUnitNotes))]
    public async Task<IActionResult> ListUnitNotes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await notes.ListAsync(callers.Identify(request), campaignId, unitId, cancellationToken));
}
