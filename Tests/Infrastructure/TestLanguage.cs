using System.Net.Http.Headers;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// Test requests ask for English (<c>Accept-Language: en</c>) unless a test sets the header itself: the app answers
/// in Vietnamese by default, and the existing assertions match the English wording of its messages. A test that
/// wants no header at all passes it with an empty value (as <see cref="HttpCall.Anonymous"/> does for identity).
/// </summary>
public static class TestLanguage
{
    public const string Header = "Accept-Language";

    public const string Default = "en";

    /// <summary>Adds the default to every request this client sends; a request's own header wins.</summary>
    public static HttpClient AskingForEnglish(this HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(Default));
        return client;
    }
}
