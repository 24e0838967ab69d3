namespace TetReadiness.Messages;

/// <summary>
/// The RFC 9457 body of a refusal, every text in one language: <c>title</c>, <c>detail</c> and each of
/// <c>errors</c>. The edge adds <c>instance</c>, the headers (<c>Content-Language</c> is <see cref="ContentLanguage"/>,
/// <c>Retry-After</c> comes from the refusal) and writes it.
/// </summary>
public sealed record ProblemDocument(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors,
    Language Language)
{
    /// <summary>Extension members, written after the standard ones (values, not words: the same in every language).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public string ContentLanguage => LanguagePreference.TagOf(Language);

    public static ProblemDocument Of(RefusalException refusal, Language language)
    {
        var catalog = MessageCatalogs.For(language);
        var status = refusal.Kind.Status();
        Dictionary<string, IReadOnlyList<string>>? errors = null;
        if (refusal.Errors is { Count: > 0 })
        {
            // Kept in the refusal's order: a roster's rows stay in file order.
            errors = [];
            foreach (var (field, messages) in refusal.Errors)
            {
                errors[field] = messages.Select(message => message(catalog)).ToArray();
            }
        }

        return new ProblemDocument($"https://httpstatuses.io/{status}", catalog.Title(refusal.Kind), status, refusal.DetailIn(catalog), errors, language)
        {
            Extensions = refusal.Extensions,
        };
    }

    /// <summary>The members in the order clients see them; <c>errors</c> only when there are any.</summary>
    public IReadOnlyDictionary<string, object?> ToBody(string? instance)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = Type,
            ["title"] = Title,
            ["status"] = Status,
            ["detail"] = Detail,
        };
        if (instance is not null)
        {
            body["instance"] = instance;
        }

        if (Errors is not null)
        {
            body["errors"] = Errors;
        }

        foreach (var (name, value) in Extensions ?? new Dictionary<string, object?>())
        {
            body.TryAdd(name, value);
        }

        return body;
    }
}
