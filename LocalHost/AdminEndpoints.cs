using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TetReadiness.Http;
using TetReadiness.Messages;
using TetReadiness.Platform;

namespace TetReadiness.LocalHost;

/// <summary>
/// <c>POST /admin/functions/{name}</c> runs a timer or queue function now, as the host's admin API does
/// (body <c>{"input": "..."}</c> for a queue message), disabled ones included: the host's admin API runs a disabled
/// function when called with the master key, which is how an operator runs <c>RedrivePoison</c>. Local mode answers
/// 202 once the run has finished, so scripts can chain runs. It listens on loopback only, and, like every API, refuses
/// a request from another site (a page the developer has open could otherwise post to it).
/// </summary>
public static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IReadOnlyList<FunctionDescriptor> functions, IReadOnlySet<string> disabled)
    {
        endpoints.MapPost("/admin/functions/{name}", async (string name, HttpContext context, FunctionInvoker invoker, IOptions<AppOptions> app) =>
        {
            if (CrossSiteRequests.IsRefused(context.Request, app.Value.PublicBaseUrl))
            {
                await LocalProblems.WriteAsync(context, Refusal.Forbidden(c => c.CrossSiteRefused()));
                return Results.Empty;
            }

            var function = functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (function is null || function.Trigger == FunctionTriggerKind.Http)
            {
                await LocalProblems.WriteAsync(context, Refusal.NotFound(c => c.NoSuchBackgroundFunction(name)));
                return Results.Empty;
            }

            string? message = null;
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                try
                {
                    using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                    message = body.RootElement.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.String ? input.GetString() : null;
                }
                catch (JsonException exception)
                {
                    await LocalProblems.WriteAsync(context, Refusal.Invalid(RequestBody.MalformedJson(exception)));
                    return Results.Empty;
                }
            }

            await invoker.InvokeAsync(function, new FunctionInput("Admin API", Message: message), context.RequestAborted);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });

        endpoints.MapGet("/admin/functions", () => Results.Json(
            functions.Select(f => new { f.Name, Trigger = f.Trigger.ToString(), f.Route, f.HttpMethods, f.Schedule, f.QueueName, IsDisabled = disabled.Contains(f.Name) }),
            ApiJson.Options));
    }
}
