using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using TetReadiness.Http;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// Builds the <see cref="HttpRequest"/> a function receives and runs the result it returns, as the worker does.
/// Unless a test names its own identity (a principal or link header, a <c>t</c> query parameter, or
/// <see cref="Anonymous"/>), requests carry the identity of someone allowed to make them: a city coordinator who is
/// also the first officer (in <see cref="Seed.RosterCsv"/>) of the unit the path names, if any. Unless a test sets
/// <c>Accept-Language</c>, requests ask for English (<see cref="TestLanguage"/>).
/// </summary>
public static class HttpCall
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Pass as a header value to send no identity at all.</summary>
    public const string Anonymous = "";

    /// <summary>The edge as the app registers it, with the public base URL every <see cref="TestApp"/> has.</summary>
    private static readonly HttpEdge Edge = new(NullLogger<HttpEdge>.Instance, TestApp.PublicBaseUrl);

    public static string DefaultPrincipal { get; } = Principal("vanphong@ba-dinh.invalid", "coordinator");

    public static string Principal(string? email, params string[] roles)
    {
        var claims = new List<object>();
        if (email is not null)
        {
            claims.Add(new { typ = "preferred_username", val = email });
        }

        claims.AddRange(roles.Select(role => (object)new { typ = "roles", val = role }));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims })));
    }

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

        headers ??= new Dictionary<string, string>();
        if (!headers.ContainsKey(PrincipalHeader) && !headers.ContainsKey("X-Unit-Link") && !request.Query.ContainsKey("t"))
        {
            request.Headers[PrincipalHeader] = PrincipalFor(request.Path.Value ?? string.Empty);
        }

        if (!headers.Keys.Any(name => name.Equals(TestLanguage.Header, StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers[TestLanguage.Header] = TestLanguage.Default;
        }

        foreach (var (name, value) in headers.Where(h => h.Value.Length > 0))
        {
            request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return request;
    }

    /// <summary>A city coordinator who is also the officer of the unit the path names (when Seed gives it one).</summary>
    public static string PrincipalFor(string path)
    {
        var segments = path.Split('/');
        var unitIndex = Array.IndexOf(segments, "units") + 1;
        var unitId = unitIndex > 0 && unitIndex < segments.Length ? segments[unitIndex] : "ba-dinh-ubnd";
        var officer = Seed.RosterCsv.Split('\n').Skip(1).Select(line => line.Split(','))
            .Where(cells => cells.Length > 4 && cells[2] == unitId)
            .Select(cells => cells[4].Split(';')[0])
            .FirstOrDefault(email => email.Length > 0);
        return Principal(officer ?? "sonoivu@hanoi.invalid", "coordinator");
    }

    public static HttpRequest Json(string method, string path, object body, IDictionary<string, string>? headers = null) =>
        Request(method, path, JsonSerializer.Serialize(body, ApiJson.Options), "application/json", headers);

    /// <summary>
    /// Runs <paramref name="function"/> inside the app's HTTP edge and executes the result, as the worker's middleware and
    /// the ASP.NET Core integration do: refusals and storage outages answered by the edge, common headers added.
    /// </summary>
    public static async Task<HttpResponseSnapshot> RunAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function) =>
        await ExecuteAsync(request, await RespondAsync(request, function));

    /// <summary>The result of <paramref name="function"/> run inside the app's HTTP edge, not yet executed.</summary>
    public static async Task<IActionResult> RespondAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function) =>
        (IActionResult?)await Edge.RespondAsync(request, async () => await function(request))
        ?? throw new InvalidOperationException("The function returned no result.");

    /// <summary>Executes a result against the request's response and reads the response back.</summary>
    public static async Task<HttpResponseSnapshot> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEndAsync();
        return new HttpResponseSnapshot(context.Response.StatusCode, context.Response.ContentType, text, context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }
}
