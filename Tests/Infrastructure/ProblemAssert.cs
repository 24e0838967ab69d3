using System.Text.Json;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>Assertions for the API's error contract: RFC 9457 problem+json, a useful detail, and nothing written.</summary>
public static class ProblemAssert
{
    /// <summary>Runs <paramref name="call"/> and asserts it was refused with <paramref name="status"/> and left every table as it was.</summary>
    public static async Task<JsonElement> RefusedAsync(TestApp app, int status, string detailContains, Func<Task<HttpResponseSnapshot>> call)
    {
        var before = await app.SnapshotAsync();

        var response = await call();

        var problem = Is(response, status, detailContains);
        Assert.Equal(before, await app.SnapshotAsync());
        return problem;
    }

    public static JsonElement Is(HttpResponseSnapshot response, int status, string detailContains)
    {
        Assert.True(status == response.Status, $"Expected {status}, got {response.Status}: {response.Body}");
        Assert.StartsWith("application/problem+json", response.ContentType ?? string.Empty, StringComparison.Ordinal);
        var problem = response.Json;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString() ?? string.Empty, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>The <c>errors</c> map of a validation problem.</summary>
    public static IReadOnlyDictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray());
}
