using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>Builds the <see cref="HttpRequest"/> a function receives and runs the result it returns, as the worker does.</summary>
public static class HttpCall
{
    public static HttpRequest Request(string method, string path, string? body = null, string? contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        var query = path.IndexOf('?');
        request.Path = query < 0 ? path : path[..query];
        if (query >= 0)
        {
            request.QueryString = new QueryString(path[query..]);
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
        }

        if (contentType is not null)
        {
            request.ContentType = contentType;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return request;
    }

    public static HttpRequest Json(string method, string path, object body, IDictionary<string, string>? headers = null) =>
        Request(method, path, JsonSerializer.Serialize(body, TetReadiness.Http.ApiJson.Options), "application/json", headers);

    public static async Task<HttpResponseSnapshot> RunAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function)
    {
        var result = await function(request);
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEndAsync();
        return new HttpResponseSnapshot(context.Response.StatusCode, context.Response.ContentType, text, context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }
}
