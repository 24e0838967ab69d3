using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Roster;

public sealed class RosterFunctions(RosterImporter importer, CallerResolver callers, HttpResponder responder)
{
    /// <summary>Replaces the roster from CSV; <c>?dryRun=true</c> previews the changes, <c>?areaLevel=</c> names the area level.</summary>
    [Function(nameof(ImportRoster))]
    public Task<IActionResult> ImportRoster(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/roster")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.RespondAsync(request, async () =>
        {
            var result = await importer.ImportAsync(
                token => RequestBody.ReadTextAsync(request, "text/csv", token, RosterImporter.MaxBytes),
                request.Query["areaLevel"],
                IsTrue(request.Query["dryRun"]),
                callers.Identify(request),
                cancellationToken);
            return ApiResult.Json(result);
        });

    [Function(nameof(GetRoster))]
    public Task<IActionResult> GetRoster(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/roster")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.RespondAsync(request, async () => ApiResult.Json(await importer.ReadAsync(callers.Identify(request), cancellationToken)));

    private static bool IsTrue(string? value) => bool.TryParse(value, out var flag) && flag;
}
