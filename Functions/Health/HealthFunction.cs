using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TetReadiness.Http;

namespace TetReadiness.Health;

public sealed class HealthFunction(HealthCheck health)
{
    /// <summary>Anonymous: 200 when storage answers, 503 problem+json when it does not.</summary>
    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResult.Json(await health.CheckAsync(cancellationToken));
}
