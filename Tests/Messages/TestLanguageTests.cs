using System.Net;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Messages;

/// <summary>Test requests ask for English unless the test says otherwise, so English assertions keep their meaning.</summary>
public sealed class TestLanguageTests
{
    [Fact]
    public void A_function_request_asks_for_English_by_default()
    {
        var request = HttpCall.Request("GET", "/api/campaigns/tet-2024");

        Assert.Equal("en", request.Headers.AcceptLanguage.ToString());
    }

    [Theory]
    [InlineData("Accept-Language")]
    [InlineData("accept-language")]
    public void A_request_keeps_the_language_its_test_asks_for(string header)
    {
        var request = HttpCall.Request("GET", "/api/campaigns/tet-2024", headers: new Dictionary<string, string> { [header] = "vi" });

        Assert.Equal("vi", request.Headers.AcceptLanguage.ToString());
    }

    [Fact]
    public void An_empty_value_sends_no_language_at_all()
    {
        var request = HttpCall.Request("GET", "/api/campaigns/tet-2024", headers: new Dictionary<string, string> { [TestLanguage.Header] = string.Empty });

        Assert.False(request.Headers.ContainsKey(TestLanguage.Header));
    }

    [Fact]
    public async Task A_client_asks_for_English_unless_the_request_names_its_own_language()
    {
        var seen = new List<string>();
        using var client = new HttpClient(new Recorder(seen)) { BaseAddress = new Uri("http://127.0.0.1/") }.AskingForEnglish();

        await client.GetAsync("/api/me");
        using var vietnamese = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        vietnamese.Headers.AcceptLanguage.ParseAdd("vi");
        await client.SendAsync(vietnamese);

        Assert.Equal(["en", "vi"], seen);
    }

    private sealed class Recorder(List<string> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.AcceptLanguage.ToString());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
