using System.Diagnostics;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Common;
using TetReadiness.Platform;

namespace TetReadiness.Http;

/// <summary>
/// The one place where failures become responses: problems the services raise become problem+json,
/// and storage that cannot be reached becomes 503 with Retry-After. Every HTTP function answers through it,
/// under the Functions host and in local mode alike. Being the one door, it is also where a state-changing request
/// from another site is refused (<see cref="CrossSiteRequests"/>), before the function reads or writes anything.
/// </summary>
public sealed class HttpResponder(ILogger<HttpResponder> logger, IOptions<AppOptions> app)
{
    private const string RetryAfterSeconds = "30";

    public async Task<IActionResult> RespondAsync(HttpRequest request, Func<Task<IActionResult>> handle)
    {
        try
        {
            if (CrossSiteRequests.IsRefused(request, app.Value.PublicBaseUrl))
            {
                throw ProblemException.Forbidden(CrossSiteRequests.Detail);
            }

            return WithCommonHeaders(await handle());
        }
        catch (ProblemException problem)
        {
            // The path, never the query string (?t= link tokens, ?key= feed keys); a detail may quote what a caller sent.
            logger.LogInformation("Request {Method} {Path} refused with {Status}: {Detail}", request.Method, request.Path, problem.Status, LogRedaction.Emails(problem.Detail));
            return WithCommonHeaders(ApiResult.Problem(problem, request.Path));
        }
        catch (Exception exception) when (StorageFaults.IsUnavailable(exception))
        {
            logger.LogError(exception, "Storage unavailable while serving {Method} {Path}", request.Method, request.Path);
            var problem = new ProblemException(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "Hệ thống lưu trữ tạm thời không phản hồi; dữ liệu chưa được ghi. Vui lòng thử lại sau ít phút. (Storage is unavailable; nothing was written. Retry shortly.)")
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = RetryAfterSeconds },
            };
            return WithCommonHeaders(ApiResult.Problem(problem, request.Path));
        }
    }

    private static IActionResult WithCommonHeaders(IActionResult result)
    {
        if (result is ApiResult api)
        {
            api.Headers.TryAdd("Cache-Control", "no-store");
            api.Headers.TryAdd("X-Content-Type-Options", "nosniff");
            api.Headers.TryAdd("Referrer-Policy", "no-referrer");
            if (Activity.Current?.TraceId is { } traceId)
            {
                api.Headers.TryAdd("X-Trace-Id", traceId.ToString());
            }
        }

        return result;
    }
}
