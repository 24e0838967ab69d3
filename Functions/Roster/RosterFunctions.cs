using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Roster;

public sealed class RosterFunctions(RosterImporter importer, CallerResolver callers)
{
    /// <summary>Replaces the roster from CSV; <c>?dryRun=true</c> previews the changes, <c>?areaLevel=</c> names the area level.</summary>
    [Function(nameof(ImportRoster))]
    public async Task<IActionResult> ImportRoster(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/roster")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await importer.ImportAsync(
            token => RequestBody.SpoolTextAsync(request, "text/csv", RosterImporter.MaxBytes, token),
            request.Query["areaLevel"],
            IsTrue(request.Query["dryRun"]),
            callers.Identify(request),
            cancellationToken);
        return ApiResult.Json(result);
    }

    [Function(nameof(GetRoster))]
    public async Task<IActionResult> GetRoster(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/roster")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await importer.ReadAsync(callers.Identify(request), cancellationToken));

    private static bool IsTrue(string? value) => bool.TryParse(value, out var flag) && flag;
}
