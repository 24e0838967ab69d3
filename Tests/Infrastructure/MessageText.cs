using TetReadiness.Messages;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// A rule's messages as text, for tests that read them without going through the edge: Vietnamese, a space, then
/// English, so a test can look for a word of either language (a row number in "dòng 2", a phrase like "no units").
/// Responses never mix the two; the edge renders one (Tests/Http/ResponseLanguageTests).
/// </summary>
public static class MessageText
{
    public static string InBothLanguages(this Message message) =>
        $"{message(VietnameseMessages.Instance)} {message(EnglishMessages.Instance)}";

    public static string? InBothLanguagesOrNull(this Message? message) => message?.InBothLanguages();

    public static IReadOnlyDictionary<string, string[]> InBothLanguages(this IReadOnlyDictionary<string, IReadOnlyList<Message>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(InBothLanguages).ToArray());
}
