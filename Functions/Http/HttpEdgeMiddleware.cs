using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace TetReadiness.Http;

/// <summary>
/// Runs each HTTP invocation of the Functions worker inside <see cref="HttpEdge"/>. It must be registered after
/// <c>ConfigureFunctionsWebApplication</c>: it then runs inside the ASP.NET Core integration's own middleware, which has
/// put the request's <see cref="Microsoft.AspNetCore.Http.HttpContext"/> into the invocation by then and, once this
/// returns, executes the <see cref="Microsoft.AspNetCore.Mvc.IActionResult"/> left as the invocation result, whether
/// the function returned it or the edge answered for it. Timer and queue invocations have no HttpContext and pass
/// through untouched.
/// </summary>
public sealed class HttpEdgeMiddleware(HttpEdge edge) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } httpContext)
        {
            await next(context);
            return;
        }

        var response = await edge.RespondAsync(httpContext.Request, async () =>
        {
            await next(context);
            return context.GetInvocationResult().Value;
        });
        context.GetInvocationResult().Value = response;
    }
}
