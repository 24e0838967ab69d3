using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace TetReadiness.Reporting;

/// <summary>The read-only reporting feed for Power BI and Excel; docs/power-bi.md describes its tables.</summary>
public sealed class FeedFunctions(FeedKeys keys, FeedReader reader, ILogger<FeedFunctions> logger)
{
    /// <summary>
    /// All rows of a star-schema table, for one campaign (<c>?campaign=</c>) or all; <c>?format=csv</c>;
    /// <c>?modifiedSince=</c> for rows changed since then. Needs <c>?key=</c>, the feed key.
    /// </summary>
    [Function(nameof(GetFeed))]
    public async Task<IActionResult> GetFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/feed/{table}")] HttpRequest request,
        string table,
        CancellationToken cancellationToken)
    {
        var keySlot = keys.Require(request.Query[FeedKeys.QueryParameter]);
        var feedRequest = FeedRequest.Parse(table, request.Query);
        var pages = await reader.OpenAsync(feedRequest, cancellationToken);
        return new FeedResult(feedRequest, pages, keySlot, logger);
    }
}
