using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Profile;

public sealed class ProfileFunctions(CallerResolver callers, CallerProfileService profiles)
{
    [Function(nameof(GetMe))]
    public async Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await profiles.DescribeAsync(callers.Identify(request), cancellationToken));
}
