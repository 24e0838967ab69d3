namespace TetReadiness.Messages;

/// <summary>
/// A request refused for a reason the caller can act on. Services throw it with messages not yet put into words;
/// the edge renders them in the response's language (<see cref="ProblemDocument"/>). <see cref="Detail"/> (and
/// <see cref="Exception.Message"/>) is the English wording, for logs and for tests that read a rule's refusal.
/// </summary>
public sealed class RefusalException(
    RefusalKind kind,
    Message detail,
    IReadOnlyDictionary<string, IReadOnlyList<Message>>? errors = null,
    TimeSpan? retryAfter = null)
    : Exception(detail(EnglishMessages.Instance))
{
    public RefusalKind Kind { get; } = kind;

    public int Status => Kind.Status();

    public string Detail => Message;

    /// <summary>Field (or row) → what is wrong with it; null when the detail says it all.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Message>>? Errors { get; } = errors;

    /// <summary>For a 503: when to try again (<c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Members the problem carries beside the standard ones, for a client to act on (RFC 9457 extensions), e.g. <c>lastRemindedAt</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public string DetailIn(IMessageCatalog catalog) => detail(catalog);
}
