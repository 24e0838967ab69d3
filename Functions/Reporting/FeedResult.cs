using System.Diagnostics;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using TetReadiness.FeedSchema;
using TetReadiness.Http;

namespace TetReadiness.Reporting;

/// <summary>
/// Streams a feed table: status and headers first, then each page written and flushed as soon as it is read, so
/// the next storage request happens only after the previous page has gone out. Executes the same way under the
/// Functions host and in local mode. Storage failing mid-stream aborts the response: a cut connection, never a
/// short file that looks complete.
/// </summary>
public sealed class FeedResult(FeedRequest request, FeedStream pages, FeedKeySlot keySlot, ILogger logger) : IActionResult
{
    public FeedRequest Request { get; } = request;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var cancellationToken = http.RequestAborted;
        WriteHeaders(response);

        var rows = 0;
        using var writer = FeedWriter.Create(Request.Format, Request.Table);
        await using (pages)
        {
            try
            {
                writer.Start();
                while (pages.Current is { } page)
                {
                    foreach (var entity in page.Rows)
                    {
                        writer.WriteRow(new FeedRow(entity, page.Campaign));
                    }

                    rows += page.Rows.Count;
                    await writer.FlushToAsync(response.Body, cancellationToken);
                    await pages.MoveNextAsync();
                }

                writer.End();
                await writer.FlushToAsync(response.Body, cancellationToken);
                logger.LogInformation("Feed {Table} streamed {Rows} rows in {Pages} pages as {Format} (campaign {CampaignId}, {KeySlot} key)",
                    Request.Table.Name, rows, pages.PagesRead, Request.Format, Request.CampaignId ?? "all", keySlot);
            }
            catch (Exception exception) when (exception is RequestFailedException || StorageFaults.IsUnavailable(exception))
            {
                logger.LogError(exception, "Storage failed while streaming feed {Table} after {Rows} rows in {Pages} pages; response aborted",
                    Request.Table.Name, rows, pages.PagesRead);
                http.Abort();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("Client left while streaming feed {Table} after {Rows} rows", Request.Table.Name, rows);
            }
        }
    }

    private void WriteHeaders(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = Request.Format == FeedFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (Activity.Current?.TraceId is { } traceId)
        {
            response.Headers["X-Trace-Id"] = traceId.ToString();
        }

        if (Request.Format == FeedFormat.Csv)
        {
            var name = Request.CampaignId is null ? Request.Table.Name : $"{Request.Table.Name}-{Request.CampaignId}";
            response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
        }
    }
}
