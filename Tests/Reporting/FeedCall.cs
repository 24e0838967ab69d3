using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using TetReadiness.Reporting;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary>Calls <c>GET /api/feed/{table}</c> through the function class inside the HTTP edge and executes its result, as the worker does.</summary>
public static class FeedCall
{
    public const string PrimaryKey = "primary-feed-key-for-tests-0123456789";
    public const string SecondaryKey = "secondary-feed-key-for-tests-9876543210";

    public static Dictionary<string, string?> KeySettings(bool withSecondary = false) => new()
    {
        ["Feed:PrimaryKey"] = PrimaryKey,
        ["Feed:SecondaryKey"] = withSecondary ? SecondaryKey : null,
    };

    public static Task<FeedResponse> GetAsync(TestApp app, string table, string query = "", string? key = PrimaryKey) =>
        GetAsync(app, table, query, key, new MemoryStream(), null);

    public static async Task<FeedResponse> GetAsync(TestApp app, string table, string query, string? key, MemoryStream body, IHttpRequestLifetimeFeature? lifetime)
    {
        var parts = new List<string>();
        if (key is not null)
        {
            parts.Add("key=" + Uri.EscapeDataString(key));
        }

        if (query.Length > 0)
        {
            parts.Add(query);
        }

        var request = HttpCall.Request("GET", $"/api/feed/{table}?{string.Join('&', parts)}", contentType: null);
        var context = request.HttpContext;
        context.Response.Body = body;
        if (lifetime is not null)
        {
            context.Features.Set(lifetime);
        }

        var result = await HttpCall.RespondAsync(request, r => app.Create<FeedFunctions>().GetFeed(r, table, CancellationToken.None));
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new FeedResponse(
            context.Response.StatusCode,
            context.Response.ContentType,
            body.ToArray(),
            context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }
}
