using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TetReadiness.Http;

/// <summary>
/// A JSON or text response that writes itself, so results execute the same way under the Functions host
/// and in local mode, with no MVC formatters involved.
/// </summary>
public sealed class ApiResult : IActionResult
{
    private readonly object? body;
    private readonly string? text;

    private ApiResult(int status, object? body, string? text, string contentType)
    {
        Status = status;
        this.body = body;
        this.text = text;
        ContentType = contentType;
    }

    public int Status { get; }

    public string ContentType { get; }

    public object? Body => body;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static ApiResult Json(object? body, int status = StatusCodes.Status200OK) =>
        new(status, body, null, "application/json; charset=utf-8");

    public static ApiResult Text(string text, string contentType, int status = StatusCodes.Status200OK) =>
        new(status, null, text, contentType);

    public static ApiResult Problem(ProblemException problem, string? instance)
    {
        var document = new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{problem.Status}",
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
        };
        if (instance is not null)
        {
            document["instance"] = instance;
        }

        if (problem.Errors is { Count: > 0 })
        {
            document["errors"] = problem.Errors;
        }

        var result = new ApiResult(problem.Status, document, null, "application/problem+json; charset=utf-8");
        foreach (var (name, value) in problem.Headers)
        {
            result.Headers[name] = value;
        }

        return result;
    }

    public ApiResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Status == StatusCodes.Status204NoContent)
        {
            return;
        }

        if (text is not null)
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.HttpContext.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(response.Body, body, body?.GetType() ?? typeof(object), ApiJson.Options, context.HttpContext.RequestAborted);
    }
}
