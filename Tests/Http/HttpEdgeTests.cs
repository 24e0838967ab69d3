using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using TetReadiness.Http;
using TetReadiness.Messages;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Http;

/// <summary>The one place failures become responses.</summary>
public sealed class HttpEdgeTests
{
    private static readonly HttpEdge Edge = new(NullLogger<HttpEdge>.Instance, TestApp.PublicBaseUrl);

    private static async Task<HttpResponseSnapshot> RespondAsync(Func<Task<IActionResult>> handle)
    {
        var request = HttpCall.Request("GET", "/api/thing", contentType: null);
        return await HttpCall.ExecuteAsync(request, (IActionResult)(await Edge.RespondAsync(request, async () => await handle()))!);
    }

    [Fact]
    public async Task A_result_gets_the_common_headers()
    {
        var response = await RespondAsync(() => Task.FromResult<IActionResult>(ApiResult.Json(new { ok = true })));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("{\"ok\":true}", response.Body);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_problem_becomes_RFC_9457_problem_json_with_its_errors()
    {
        var errors = new Dictionary<string, IReadOnlyList<Message>> { ["items.pccc-cho"] = [c => c.InvalidStatus("done", ["ready"])] };

        var response = await RespondAsync(() => throw Refusal.InvalidFields(errors));

        var problem = ProblemAssert.Is(response, 400, "see 'errors'");
        Assert.Equal("Validation failed", problem.GetProperty("title").GetString());
        Assert.Equal("https://httpstatuses.io/400", problem.GetProperty("type").GetString());
        Assert.Equal("/api/thing", problem.GetProperty("instance").GetString());
        Assert.Equal(["Bad status 'done'; use ready."], ProblemAssert.Errors(problem)["items.pccc-cho"]);
    }

    [Fact]
    public async Task A_problem_without_errors_has_no_errors_member()
    {
        var problem = ProblemAssert.Is(await RespondAsync(() => throw Refusal.NotFound(c => c.UnknownCampaign("tet-2024"))), 404, "Unknown campaign");

        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Vietnamese_is_written_as_is_when_no_language_is_asked_for()
    {
        var request = HttpCall.Request("GET", "/api/thing", contentType: null, headers: new Dictionary<string, string> { [TestLanguage.Header] = string.Empty });

        var response = await HttpCall.ExecuteAsync(request, (IActionResult)(await Edge.RespondAsync(request, () => throw Refusal.NotFound(c => c.UnknownCampaign("tet-2024"))))!);

        Assert.Contains("Không có chiến dịch 'tet-2024'.", response.Body, StringComparison.Ordinal);
        Assert.Equal("vi", response.Header("Content-Language"));
    }

    public static TheoryData<Exception> Outages => new()
    {
        new RequestFailedException("Connection refused"),
        new RequestFailedException(503, "Server busy"),
        new RequestFailedException(500, "Internal error"),
        new RequestFailedException(404, "The table specified does not exist.", "TableNotFound", null),
        new HttpRequestException("No route"),
        new SocketException((int)SocketError.ConnectionRefused),
        new TimeoutException(),
        new AggregateException(new RequestFailedException(503, "busy"), new TimeoutException()),
        new InvalidOperationException("wrapped", new HttpRequestException("No route")),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Storage_that_does_not_answer_becomes_503_with_Retry_After(Exception outage)
    {
        var response = await RespondAsync(() => throw outage);

        ProblemAssert.Is(response, 503, "nothing was written");
        Assert.Equal("30", response.Header("Retry-After"));
    }

    [Fact]
    public async Task A_refusal_that_says_when_to_retry_keeps_Retry_After_in_the_default_language()
    {
        var request = HttpCall.Request("PUT", "/api/thing", contentType: null, headers: new Dictionary<string, string> { [TestLanguage.Header] = string.Empty });

        var response = await HttpCall.ExecuteAsync(request, (IActionResult)(await Edge.RespondAsync(request, () =>
            throw Refusal.Unavailable(c => c.TooManyConcurrentSubmissions(), TimeSpan.FromSeconds(5))))!);

        ProblemAssert.Is(response, 503, VietnameseMessages.Instance.TooManyConcurrentSubmissions());
        Assert.Equal("5", response.Header("Retry-After"));
        Assert.Equal("vi", response.Header("Content-Language"));
    }

    [Fact]
    public async Task Storage_that_does_not_answer_is_a_503_in_the_language_asked_for()
    {
        var request = HttpCall.Request("PUT", "/api/thing", contentType: null, headers: new Dictionary<string, string> { [TestLanguage.Header] = string.Empty });

        var response = await HttpCall.ExecuteAsync(request, (IActionResult)(await Edge.RespondAsync(request, () => throw new TimeoutException()))!);

        ProblemAssert.Is(response, 503, VietnameseMessages.Instance.StorageUnavailable());
        Assert.Equal("30", response.Header("Retry-After"));
        Assert.Equal("vi", response.Header("Content-Language"));
    }

    public static TheoryData<Exception> Faults => new()
    {
        new RequestFailedException(409, "Conflict"),
        new RequestFailedException(412, "Precondition failed"),
        new InvalidOperationException("a bug"),
        new AggregateException(new RequestFailedException(503, "busy"), new InvalidOperationException("a bug")),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Other_failures_are_not_disguised_as_outages(Exception fault)
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => RespondAsync(() => throw fault));

        Assert.Same(fault, thrown);
    }
}
