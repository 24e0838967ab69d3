using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;
using TetReadiness.Identity;

namespace TetReadiness.Reminders;

public sealed class RemindFunctions(ManualReminderService reminders, CallerResolver callers)
{
    /// <summary>Reminds the unit now (202: queued; the sender sends it within moments).</summary>
    [Function(nameof(RemindUnit))]
    public async Task<IActionResult> RemindUnit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/campaigns/{campaignId}/units/{unitId}/remind")] HttpRequest request,
        string campaignId,
        string unitId,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await reminders.RemindAsync(callers.Identify(request), campaignId, unitId, cancellationToken), StatusCodes.Status202Accepted);
}
