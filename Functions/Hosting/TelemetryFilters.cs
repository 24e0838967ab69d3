using Microsoft.Extensions.Logging;

namespace TetReadiness.Hosting;

/// <summary>
/// Framework log categories that write whole URLs (query strings with <c>?t=</c> unit-link tokens and <c>?key=</c>
/// feed keys) below <see cref="LogLevel.Warning"/>, held at Warning in every host: the isolated worker's own ASP.NET
/// Core server (every request the Functions host forwards to it is logged as "Request starting HTTP/1.1 GET
/// http://…/api/feed/units?key=…"), local mode, and <c>host.json</c> for the Functions host (a test keeps the three
/// in step). Their warnings and errors carry no URL, so they still reach the logs.
/// </summary>
public static class TelemetryFilters
{
    public static IReadOnlyDictionary<string, LogLevel> Floors { get; } = new Dictionary<string, LogLevel>
    {
        // Hosting.Diagnostics "Request starting/finished" with the full URL; Routing; Kestrel's bad-request lines.
        ["Microsoft.AspNetCore"] = LogLevel.Warning,

        // IHttpClientFactory clients log every request URI at Information (a SendGrid or any future outbound call).
        ["System.Net.Http.HttpClient"] = LogLevel.Warning,

        // Every storage request URI at Information.
        ["Azure.Core"] = LogLevel.Warning,
    };

    public static ILoggingBuilder AddTelemetryFilters(this ILoggingBuilder logging)
    {
        foreach (var (category, floor) in Floors)
        {
            logging.AddFilter(category, floor);
        }

        return logging;
    }
}
