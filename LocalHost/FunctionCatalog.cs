using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.LocalHost;

/// <summary>
/// Finds the functions from the same attributes the Functions SDK reads to write <c>functions.metadata</c>,
/// so local mode serves exactly the functions Azure does. Parameters local mode cannot bind fail here, at start-up.
/// </summary>
public static class FunctionCatalog
{
    private static readonly Type[] BindableTypes = [typeof(Microsoft.AspNetCore.Http.HttpRequest), typeof(CancellationToken), typeof(TimerInfo)];

    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                functions.Add(Describe(function.Name, method));
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Function name '{duplicate.Key}' is used twice.");
        }

        return functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        FunctionDescriptor? descriptor = null;
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                var methods = (http.Methods ?? ["get", "post", "put", "delete", "patch", "head", "options"]).Select(m => m.ToUpperInvariant()).ToList();
                descriptor = new FunctionDescriptor(name, FunctionTriggerKind.Http, method, Route: http.Route ?? name, HttpMethods: methods);
            }
            else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                descriptor = new FunctionDescriptor(name, FunctionTriggerKind.Timer, method, Schedule: timer.Schedule, RunOnStartup: timer.RunOnStartup);
            }
            else if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                descriptor = new FunctionDescriptor(name, FunctionTriggerKind.Queue, method, QueueName: queue.QueueName, Connection: queue.Connection ?? "AzureWebJobsStorage");
            }
        }

        if (descriptor is null)
        {
            throw new InvalidOperationException($"Function {name} has no trigger that local mode can host (HTTP, timer or queue).");
        }

        // The Functions host refuses such a function ("The specified route conflicts with one or more built in routes"):
        // /admin is its own API. Fail here too, so local mode never serves a route Azure would not.
        if (descriptor.Route is { } reserved && reserved.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Function {name}: the route '{reserved}' conflicts with the Functions host's built-in /admin routes.");
        }

        foreach (var parameter in method.GetParameters())
        {
            var isTrigger = parameter.GetCustomAttribute<QueueTriggerAttribute>() is not null;
            var isRouteValue = parameter.ParameterType == typeof(string) && descriptor.Route is { } route && route.Contains('{' + parameter.Name + '}', StringComparison.OrdinalIgnoreCase);
            if (!isTrigger && !isRouteValue && !BindableTypes.Contains(parameter.ParameterType))
            {
                throw new InvalidOperationException($"Function {name}: local mode cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType.Name}.");
            }
        }

        return descriptor;
    }
}
