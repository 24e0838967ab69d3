using System.Reflection;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Hosting;
using TetReadiness.Messages;
using TetReadiness.Storage;

namespace TetReadiness.LocalHost;

/// <summary>
/// Local mode: the function classes of the Functions app hosted on Kestrel when Azure Functions Core Tools are not installed.
/// HTTP routes, timers and queue triggers come from the functions' attributes and <c>host.json</c>; settings
/// come from <c>local.settings.json</c> and environment variables with the Functions naming. A development host
/// only: it has no auth of its own, so it listens on loopback.
/// </summary>
public static class LocalFunctionsHost
{
    /// <summary>Accepted and ignored: <c>dotnet TetReadiness.Functions.dll --local</c> was how local mode started before it had a project of its own.</summary>
    public const string Flag = "--local";
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Where the functions are: the app this host runs, not the host itself.</summary>
    public static Assembly FunctionsAssembly { get; } = typeof(TetReadinessServiceCollectionExtensions).Assembly;

    public static async Task RunAsync(string[] args)
    {
        var app = Build(args.Where(a => a != Flag).ToArray());
        await app.RunAsync();
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        LocalSettings.AddTo(builder.Configuration, Path.Combine(AppContext.BaseDirectory, "local.settings.json"));
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? DefaultUrl);
        configure?.Invoke(builder);

        builder.Services.AddTetReadiness(builder.Configuration);
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), builder.Configuration);
        // A disabled function has no trigger and no route, but the admin API still runs it, as the Functions host's
        // admin API does with the master key (AzureWebJobs.<Function>.Disabled; see docs on disabling functions).
        var catalog = FunctionCatalog.Discover(FunctionsAssembly);
        var disabled = catalog.Where(f => IsDisabled(builder.Configuration, f.Name)).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var functions = catalog.Where(f => !disabled.Contains(f.Name)).ToList();
        builder.Services.AddSingleton(hostJson);
        builder.Services.AddSingleton<FunctionInvoker>();
        foreach (var function in functions)
        {
            AddTrigger(builder.Services, builder.Configuration, function, hostJson);
        }

        var app = builder.Build();

        // A method the route does not take: the problem+json every other refusal gets (in the language the request
        // asks for), not an empty 405.
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                var request = context.HttpContext.Request;
                var (method, allowed) = (request.Method, response.Headers.Allow.ToString());
                await LocalProblems.WriteAsync(context.HttpContext, Refusal.MethodNotAllowed(c => c.MethodNotAllowed(method, allowed)));
            }
        });
        foreach (var function in functions.Where(f => f.Trigger == FunctionTriggerKind.Http))
        {
            var template = "/" + string.Join('/', new[] { hostJson.RoutePrefix, function.Route!.Trim('/') }.Where(p => p.Length > 0));
            // Returns a plain Task: the invoker has already written the function's result to the response.
            app.MapMethods(template, function.HttpMethods!, async (HttpContext context, FunctionInvoker invoker) =>
            {
                await invoker.InvokeAsync(function, new FunctionInput("HTTP request", HttpContext: context), context.RequestAborted);
            }).WithName(function.Name);
        }

        AdminEndpoints.Map(app, catalog, disabled);
        foreach (var function in catalog.Where(f => disabled.Contains(f.Name)))
        {
            try
            {
                _ = SettingExpressions.Resolve((function.Schedule ?? string.Empty) + (function.QueueName ?? string.Empty), builder.Configuration);
            }
            catch (InvalidOperationException exception)
            {
                // Local mode needs no trigger for it, but the Functions host indexes disabled functions too and reports this one in error.
                app.Logger.LogWarning("Function {FunctionName} is disabled, and in Azure it would still fail to index: {Reason}", function.Name, exception.Message);
            }
        }

        app.Logger.LogInformation("Local mode: {Count} functions ({Http} HTTP, {Timers} timers, {Queues} queues; {Disabled} more disabled), route prefix '{Prefix}'",
            functions.Count,
            functions.Count(f => f.Trigger == FunctionTriggerKind.Http),
            functions.Count(f => f.Trigger == FunctionTriggerKind.Timer),
            functions.Count(f => f.Trigger == FunctionTriggerKind.Queue),
            disabled.Count,
            hostJson.RoutePrefix);
        return app;
    }

    /// <summary><c>AzureWebJobs.{Name}.Disabled</c> switches a function off, as in Azure.</summary>
    private static bool IsDisabled(IConfiguration configuration, string name) =>
        bool.TryParse(configuration[$"AzureWebJobs.{name}.Disabled"] ?? configuration[$"AzureWebJobs:{name}:Disabled"], out var disabled) && disabled;

    private static void AddTrigger(IServiceCollection services, IConfiguration configuration, FunctionDescriptor function, HostJson hostJson)
    {
        switch (function.Trigger)
        {
            case FunctionTriggerKind.Timer:
                var schedule = SettingExpressions.Resolve(function.Schedule!, configuration);
                services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<LocalTimerService>(sp, function, schedule));
                break;
            case FunctionTriggerKind.Queue:
                var queueName = SettingExpressions.Resolve(function.QueueName!, configuration);
                services.AddSingleton<IHostedService>(sp =>
                {
                    var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                    var raw = StorageClientFactory.CreateQueueService(configuration, options, QueueMessageEncoding.None);
                    return ActivatorUtilities.CreateInstance<LocalQueueListener>(sp, function, raw.GetQueueClient(queueName), raw.GetQueueClient(queueName + "-poison"), hostJson);
                });
                break;
            case FunctionTriggerKind.Http:
                break;
        }
    }
}
