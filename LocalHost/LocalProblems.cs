using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using TetReadiness.Http;
using TetReadiness.Messages;

namespace TetReadiness.LocalHost;

/// <summary>
/// Refusals local mode answers itself, outside a function (a method the route does not take, the admin API), written
/// through the app's one mapping (<see cref="HttpEdge.Problem"/>): the same problem+json, in the language the request asks for.
/// </summary>
internal static class LocalProblems
{
    public static Task WriteAsync(HttpContext context, RefusalException refusal) =>
        HttpEdge.Problem(context.Request, refusal).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
