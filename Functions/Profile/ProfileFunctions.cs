using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Profile;

public sealed class ProfileFunctions(CallerResolver callers, CallerProfileService profiles, HttpResponder responder)
{
    [Function(nameof(GetMe))]
    public Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.RespondAsync(request, async () => ApiResult.Json(await profiles.DescribeAsync(callers.Identify(request), cancellationToken)));
}
