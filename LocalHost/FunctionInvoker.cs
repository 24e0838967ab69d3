using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TetReadiness.Http;

namespace TetReadiness.LocalHost;

/// <summary>
/// Calls a function method the way the isolated worker does: a new instance per invocation from a DI scope,
/// parameters bound from the trigger, an HTTP invocation run inside the app's <see cref="HttpEdge"/> (as the worker's
/// middleware runs it in Azure), results executed against the HTTP response.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes, HttpEdge edge, ILogger<FunctionInvoker> logger)
{
    public async Task<object?> InvokeAsync(FunctionDescriptor function, FunctionInput input, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p => Bind(p, input, cancellationToken)).ToArray();
        var started = Stopwatch.GetTimestamp();
        var invocationId = Guid.NewGuid();
        logger.LogInformation("Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})", function.Name, input.Reason, invocationId);
        try
        {
            object? result;
            if (input.HttpContext is { } httpContext)
            {
                result = await edge.RespondAsync(httpContext.Request, () => CallAsync(function.Method, instance, arguments));
                await ExecuteAsync(result, httpContext);
            }
            else
            {
                result = await CallAsync(function.Method, instance, arguments);
            }

            logger.LogInformation("Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)",
                function.Name, invocationId, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={Duration}ms)",
                function.Name, invocationId, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    /// <summary>The function's own exception, not reflection's wrapper around it: the edge maps what the function threw.</summary>
    private static async Task<object?> CallAsync(MethodInfo method, object? instance, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }

        return await Unwrap(returned);
    }

    private static object? Bind(ParameterInfo parameter, FunctionInput input, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return input.HttpContext?.Request ?? throw new InvalidOperationException("An HTTP function needs a request.");
        }

        if (parameter.ParameterType == typeof(TimerInfo))
        {
            return new TimerInfo { IsPastDue = input.IsPastDue };
        }

        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is not null)
        {
            var message = input.Message ?? string.Empty;
            return parameter.ParameterType == typeof(string) ? message
                : parameter.ParameterType == typeof(BinaryData) ? BinaryData.FromString(message)
                : parameter.ParameterType == typeof(byte[]) ? System.Text.Encoding.UTF8.GetBytes(message)
                : JsonSerializer.Deserialize(message, parameter.ParameterType, ApiJson.Options);
        }

        if (parameter.ParameterType == typeof(string) && input.HttpContext?.GetRouteValue(parameter.Name!) is { } routeValue)
        {
            return routeValue.ToString();
        }

        return null;
    }

    private static async Task<object?> Unwrap(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var resultProperty = task.GetType().GetProperty("Result");
                return resultProperty?.PropertyType.Name == "VoidTaskResult" ? null : resultProperty?.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    private static async Task ExecuteAsync(object? result, HttpContext httpContext)
    {
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(httpContext);
                break;
            case null:
                httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await httpContext.Response.WriteAsJsonAsync(result, result.GetType(), ApiJson.Options);
                break;
        }
    }
}
