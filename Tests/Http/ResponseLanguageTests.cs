using System.Text.Json;
using TetReadiness.Messages;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Submissions;

namespace TetReadiness.Tests.Http;

/// <summary>
/// A refusal is written in one language, the one <c>Accept-Language</c> asks for (Vietnamese unless English weighs
/// more), and <c>Content-Language</c> says which: title, detail and every error alike, with nothing of the other.
/// </summary>
public sealed class ResponseLanguageTests : IClassFixture<SubmissionErrorFixture>
{
    private const string Campaign = "tet-2024";
    private const string Unit = "ba-dinh-ttyt";

    private readonly TestApp app;

    public ResponseLanguageTests(SubmissionErrorFixture fixture)
    {
        app = fixture.App;
        app.Clock.Set(SubmissionErrorFixture.WhileOpen);
    }

    /// <summary>Wrong in two fields: an item the checklist does not have, and a status that does not exist.</summary>
    private static SubmissionRequest TwoWrongAnswers() => new()
    {
        Answers =
        [
            new SubmissionRequest.AnswerRequest { ItemId = "khong-co", Status = "ready" },
            new SubmissionRequest.AnswerRequest { ItemId = "pccc-cho", Status = "done" },
        ],
    };

    /// <param name="acceptLanguage">The header's value; null sends none.</param>
    private Task<HttpResponseSnapshot> PutAsync(string? acceptLanguage, string campaignId = Campaign) =>
        HttpCall.RunAsync(
            HttpCall.Json("PUT", $"/api/campaigns/{campaignId}/units/{Unit}/submission", TwoWrongAnswers(), new Dictionary<string, string> { [TestLanguage.Header] = acceptLanguage ?? string.Empty }),
            r => app.Create<SubmissionFunctions>().PutSubmission(r, campaignId, Unit, CancellationToken.None));

    private static IMessageCatalog Other(Language language) => MessageCatalogs.For(language == Language.English ? Language.Vietnamese : Language.English);

    /// <summary>Every text a client reads in the problem: title, detail and each error.</summary>
    private static List<string> Texts(JsonElement problem)
    {
        var texts = new List<string> { problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()! };
        if (problem.TryGetProperty("errors", out _))
        {
            texts.AddRange(ProblemAssert.Errors(problem).Values.SelectMany(messages => messages));
        }

        return texts;
    }

    [Theory]
    [InlineData(null, Language.Vietnamese)]
    [InlineData("vi", Language.Vietnamese)]
    [InlineData("en", Language.English)]
    [InlineData("vi, en;q=0.5", Language.Vietnamese)]
    [InlineData("en-US,en;q=0.9,vi;q=0.8", Language.English)]
    public async Task A_validation_failure_is_in_one_language_title_detail_and_errors_alike(string? acceptLanguage, Language language)
    {
        var catalog = MessageCatalogs.For(language);

        var response = await PutAsync(acceptLanguage);

        var problem = ProblemAssert.Is(response, 400, catalog.InvalidFields());
        Assert.Equal(LanguagePreference.TagOf(language), response.Header("Content-Language"));
        Assert.Equal(catalog.Title(RefusalKind.InvalidFields), problem.GetProperty("title").GetString());
        Assert.Equal(catalog.InvalidFields(), problem.GetProperty("detail").GetString());
        var errors = ProblemAssert.Errors(problem);
        Assert.Equal([catalog.UnknownItem("khong-co")], errors["answers[0].itemId"]);
        Assert.Equal([catalog.InvalidStatus("done", AnswerStatusNames.All)], errors["items.pccc-cho"]);
        var other = Other(language);
        string[] otherTexts = [other.Title(RefusalKind.InvalidFields), other.InvalidFields(), other.UnknownItem("khong-co"), other.InvalidStatus("done", AnswerStatusNames.All)];
        Assert.All(Texts(problem), text => Assert.DoesNotContain(otherTexts, half => text.Contains(half, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_Accept_Language_a_refusal_has_no_English_half()
    {
        var response = await PutAsync(null, campaignId: "tet-2099");

        var problem = ProblemAssert.Is(response, 404, "Không có chiến dịch 'tet-2099'.");
        Assert.Equal("vi", response.Header("Content-Language"));
        Assert.Equal(VietnameseMessages.Instance.UnknownCampaign("tet-2099"), problem.GetProperty("detail").GetString());
        Assert.Equal("Không tìm thấy", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Unknown campaign", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Not found", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Accept_Language_en_a_refusal_is_English_only()
    {
        var response = await PutAsync("en", campaignId: "tet-2099");

        var problem = ProblemAssert.Is(response, 404, "Unknown campaign 'tet-2099'.");
        Assert.Equal("en", response.Header("Content-Language"));
        Assert.Equal("Not found", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("chiến dịch", response.Body, StringComparison.Ordinal);
    }
}
