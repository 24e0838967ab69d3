using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Web;

/// <summary>
/// The officer form, the coordinator dashboard and its admin page, served from the app itself (no CDN: the city's
/// network reaches nothing else). With <c>routePrefix</c> empty, the root needs an optional parameter that can only be
/// empty (<c>{ignored:maxlength(0)?}</c>), the usual workaround for a Functions route of "". The admin page lives
/// under <c>/status/admin</c> because the Functions host keeps every path that starts with <c>/admin</c> for itself.
/// </summary>
public sealed class WebFunctions
{
    [Function(nameof(WebHome))]
    public IActionResult WebHome(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{ignored:maxlength(0)?}")] HttpRequest request) => Page("form");

    [Function(nameof(WebForm))]
    public IActionResult WebForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "form")] HttpRequest request) => Page("form");

    [Function(nameof(WebStatus))]
    public IActionResult WebStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "status")] HttpRequest request) => Page("status");

    [Function(nameof(WebAdmin))]
    public IActionResult WebAdmin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "status/admin")] HttpRequest request) => Page("admin");

    [Function(nameof(WebAsset))]
    public IActionResult WebAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "assets/{name}")] HttpRequest request,
        string name)
    {
        var files = WebFiles.Shared;
        return new WebFileResult(files.Asset(name), files.Version, versioned: request.Query["v"] == files.Version);
    }

    private static WebFileResult Page(string name) => new(WebFiles.Shared.Page(name), WebFiles.Shared.Version, versioned: false);
}
