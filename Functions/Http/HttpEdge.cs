using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TetReadiness.Common;
using TetReadiness.Messages;

namespace TetReadiness.Http;

/// <summary>
/// The edge every HTTP function runs inside, and the one place where failures become responses: a state-changing
/// request from another site is refused before the function reads or writes anything (<see cref="CrossSiteRequests"/>),
/// refusals the services raise become problem+json in the language the request asks for, storage that cannot be reached becomes 503 with Retry-After, and
/// every API result gets the common headers. It is applied around each HTTP invocation, not called by the functions:
/// by <see cref="HttpEdgeMiddleware"/> in the Functions worker, and by the local development host's invoker.
/// </summary>
/// <param name="publicBaseUrl">The app's public address (<c>App__PublicBaseUrl</c>), its own origin besides the request's.</param>
public sealed class HttpEdge(ILogger<HttpEdge> logger, string? publicBaseUrl)
{
    /// <summary>How long a caller waits after storage did not answer.</summary>
    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(30);

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
                throw Refusal.Forbidden(c => c.CrossSiteRefused());
            }

            return WithCommonHeaders(await invoke());
        }
        catch (RefusalException refusal)
        {
            // The path, never the query string (?t= link tokens, ?key= feed keys); a detail may quote what a caller sent.
            // Logs read English whatever language the caller asked for.
            logger.LogInformation("Request {Method} {Path} refused with {Status}: {Detail}", request.Method, request.Path, refusal.Status, LogRedaction.Emails(refusal.Detail));
            return WithCommonHeaders(Problem(request, refusal));
        }
        catch (Exception exception) when (StorageFaults.IsUnavailable(exception))
        {
            logger.LogError(exception, "Storage unavailable while serving {Method} {Path}", request.Method, request.Path);
            return WithCommonHeaders(Problem(request, Refusal.Unavailable(c => c.StorageUnavailable(), StorageRetryAfter)));
        }
    }

    /// <summary>
    /// The one mapping from a refusal to a response: problem+json in the language the request asks for
    /// (<see cref="LanguagePreference"/>), <c>Content-Language</c> saying which, <c>Retry-After</c> when the refusal
    /// says when to come back. The kind decides the status.
    /// </summary>
    public static ApiResult Problem(HttpRequest request, RefusalException refusal)
    {
        var language = LanguagePreference.From(request.Headers.AcceptLanguage.ToString());
        var result = ApiResult.Problem(ProblemDocument.Of(refusal, language), request.Path);
        if (refusal.RetryAfter is { } wait)
        {
            result.Headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return result;
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
