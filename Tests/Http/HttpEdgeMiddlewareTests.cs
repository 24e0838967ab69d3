using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using TetReadiness.Http;
using TetReadiness.Messages;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Http;

/// <summary>
/// The edge as the Functions worker applies it: <see cref="HttpEdgeMiddleware"/> around the rest of the invocation
/// pipeline, with the request's real <see cref="HttpContext"/> where the ASP.NET Core integration puts it, leaving as
/// the invocation result the <see cref="IActionResult"/> the integration then executes (executed here the same way).
/// </summary>
public sealed class HttpEdgeMiddlewareTests
{
    private const string PublicBaseUrl = "https://sansangtet.hanoi.gov.vn";

    private static readonly HttpEdgeMiddleware Middleware =
        new(new HttpEdge(NullLogger<HttpEdge>.Instance, PublicBaseUrl));

    [Fact]
    public async Task A_refusal_the_function_throws_becomes_the_problem_json_result()
    {
        var request = HttpCall.Request("GET", "/api/campaigns/tet-2024/status", contentType: null);
        var invocation = WorkerInvocation.Http(request.HttpContext);

        await Middleware.Invoke(invocation, async _ =>
        {
            await Task.Yield();
            throw Refusal.Forbidden(c => c.CoordinatorsOnly());
        });

        var response = await ExecuteAsync(invocation, request);
        var problem = ProblemAssert.Is(response, 403, "Coordinators only.");
        Assert.Equal("/api/campaigns/tet-2024/status", problem.GetProperty("instance").GetString());
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
    }

    public static TheoryData<Exception> Outages => new()
    {
        new RequestFailedException("Connection refused"),
        new RequestFailedException(503, "Server busy"),
        new SocketException((int)SocketError.ConnectionRefused),
        new TimeoutException(),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Storage_that_does_not_answer_becomes_503_with_Retry_After(Exception outage)
    {
        var request = HttpCall.Request("PUT", "/api/roster", "district_id", "text/csv");
        var invocation = WorkerInvocation.Http(request.HttpContext);

        await Middleware.Invoke(invocation, _ => throw outage);

        var response = await ExecuteAsync(invocation, request);
        ProblemAssert.Is(response, 503, "nothing was written");
        Assert.Equal("30", response.Header("Retry-After"));
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task A_cross_site_write_is_refused_before_the_function_runs(string header, string value)
    {
        var request = HttpCall.Request("POST", "/api/units/ba-dinh-ubnd/links/revoke", headers: new Dictionary<string, string> { [header] = value });
        var invocation = WorkerInvocation.Http(request.HttpContext);
        var ran = false;

        await Middleware.Invoke(invocation, context =>
        {
            ran = true;
            context.GetInvocationResult().Value = ApiResult.Json(new { generation = 2 });
            return Task.CompletedTask;
        });

        Assert.False(ran);
        ProblemAssert.Is(await ExecuteAsync(invocation, request), 403, "from another site");
    }

    [Fact]
    public async Task A_write_from_the_apps_own_origin_runs_the_function()
    {
        var request = HttpCall.Request("POST", "/api/units/ba-dinh-ubnd/links/revoke", headers: new Dictionary<string, string> { ["Origin"] = PublicBaseUrl });
        var invocation = WorkerInvocation.Http(request.HttpContext);
        var returned = ApiResult.Json(new { unitId = "ba-dinh-ubnd", generation = 2 });

        await Middleware.Invoke(invocation, context =>
        {
            context.GetInvocationResult().Value = returned;
            return Task.CompletedTask;
        });

        // The function's own result, as it returned it, with the common headers added.
        Assert.Same(returned, invocation.GetInvocationResult().Value);
        var response = await ExecuteAsync(invocation, request);
        Assert.Equal(200, response.Status);
        Assert.Equal("{\"unitId\":\"ba-dinh-ubnd\",\"generation\":2}", response.Body);
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_failure_that_is_neither_a_problem_nor_an_outage_still_fails_the_invocation()
    {
        var request = HttpCall.Request("GET", "/api/me", contentType: null);
        var bug = new InvalidOperationException("a bug");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Middleware.Invoke(WorkerInvocation.Http(request.HttpContext), _ => throw bug));

        Assert.Same(bug, thrown);
    }

    [Fact]
    public async Task A_timer_or_queue_invocation_passes_through_untouched()
    {
        var invocation = WorkerInvocation.Other();
        var message = new object();

        await Middleware.Invoke(invocation, context =>
        {
            context.GetInvocationResult().Value = message;
            return Task.CompletedTask;
        });

        Assert.Same(message, invocation.GetInvocationResult().Value);
    }

    [Fact]
    public async Task A_storage_outage_in_a_queue_invocation_is_not_answered_but_thrown_so_the_message_is_retried()
    {
        var outage = new RequestFailedException(503, "Server busy");

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() => Middleware.Invoke(WorkerInvocation.Other(), _ => throw outage));

        Assert.Same(outage, thrown);
    }

    private static Task<HttpResponseSnapshot> ExecuteAsync(FunctionContext invocation, HttpRequest request) =>
        HttpCall.ExecuteAsync(request, Assert.IsAssignableFrom<IActionResult>(invocation.GetInvocationResult().Value));
}
