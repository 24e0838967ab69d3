using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TetReadiness.Common;

namespace TetReadiness.Http;

/// <summary>
/// The edge every HTTP function runs inside, and the one place where failures become responses: a state-changing
/// request from another site is refused before the function reads or writes anything (<see cref="CrossSiteRequests"/>),
/// problems the services raise become problem+json, storage that cannot be reached becomes 503 with Retry-After, and
/// every API result gets the common headers. It is applied around each HTTP invocation, not called by the functions:
/// by <see cref="HttpEdgeMiddleware"/> in the Functions worker, and by the local development host's invoker.
/// </summary>
/// <param name="publicBaseUrl">The app's public address (<c>App__PublicBaseUrl</c>), its own origin besides the request's.</param>
public sealed class HttpEdge(ILogger<HttpEdge> logger, string? publicBaseUrl)
{
    private const string RetryAfterSeconds = "30";

    /// <summary>
    /// Runs <paramref name="invoke"/> (the function) inside the edge and returns what the response is made of: the
    /// function's own result, or the problem it was refused with. Any other failure propagates, as it would have.
    /// </summary>
    public async Task<object?> RespondAsync(HttpRequest request, Func<Task<object?>> invoke)
    {
        try
        {
            if (CrossSiteRequests.IsRefused(request, publicBaseUrl))
            {
                throw ProblemException.Forbidden(CrossSiteRequests.Detail);
            }

            return WithCommonHeaders(await invoke());
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

    private static object? WithCommonHeaders(object? result)
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
