using System.Diagnostics;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace TetReadiness.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// The worker's own telemetry to Application Insights through OpenTelemetry: its logs (structured, with the
    /// formatted message the alerts match), dependency spans for every table and queue call (the Azure SDK's
    /// activity sources) and for SendGrid (HttpClient), sent with the app's managed identity when
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>, query strings redacted.
    /// The host keeps its own request telemetry. Nothing is registered without a connection string (local mode, tests).
    /// </summary>
    public static IServiceCollection AddTetReadinessTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        // Azure.Core emits spans for SDK calls only with this switch (Storage Tables and Queues use it).
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var credential = IngestionCredential(configuration[AuthenticationStringSetting]);

        services.Configure<OpenTelemetryLoggerOptions>(options =>
        {
            options.IncludeFormattedMessage = true;
            options.ParseStateValues = true;
        });
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource("Azure.*")
                // The Azure SDK's HTTP calls already have their own span; HttpClient spans are for SendGrid.
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = _ => Activity.Current?.Source.Name != "Azure.Core.Http")
                .AddProcessor(new QueryStringRedactor()))
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        return services;
    }

    /// <summary>The managed identity named by the authentication string (system-assigned, or <c>ClientId=...</c>); none for key-based ingestion.</summary>
    public static TokenCredential? IngestionCredential(string? authenticationString)
    {
        var parts = (authenticationString ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
