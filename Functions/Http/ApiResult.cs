using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TetReadiness.Messages;

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

    /// <summary>A refusal as problem+json, with <c>Content-Language</c> naming the one language its texts are in.</summary>
    public static ApiResult Problem(ProblemDocument problem, string? instance)
    {
        var result = new ApiResult(problem.Status, problem.ToBody(instance), null, "application/problem+json; charset=utf-8");
        result.Headers["Content-Language"] = problem.ContentLanguage;
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
