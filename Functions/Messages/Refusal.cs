namespace TetReadiness.Messages;

/// <summary>Shorthands for the refusals services raise: <c>throw Refusal.NotFound(c =&gt; c.UnknownCampaign(id))</c>.</summary>
public static class Refusal
{
    public static RefusalException MethodNotAllowed(Message detail) => new(RefusalKind.MethodNotAllowed, detail);

    public static RefusalException NotSignedIn(Message detail) => new(RefusalKind.NotSignedIn, detail);

    public static RefusalException Forbidden(Message detail) => new(RefusalKind.Forbidden, detail);

    public static RefusalException NotFound(Message detail) => new(RefusalKind.NotFound, detail);

    public static RefusalException UnsupportedMediaType(Message detail) => new(RefusalKind.UnsupportedMediaType, detail);

    public static RefusalException TooLarge(int limitBytes) => new(RefusalKind.TooLarge, c => c.BodyTooLarge(limitBytes / 1024));

    public static RefusalException Invalid(Message detail, IReadOnlyDictionary<string, IReadOnlyList<Message>>? errors = null) =>
        new(RefusalKind.Invalid, detail, errors);

    /// <summary>An id in the path or query that cannot be a key: the detail and <paramref name="field"/>'s error say so.</summary>
    public static RefusalException InvalidId(IdKind kind, string field) =>
        Invalid(c => c.InvalidId(kind), new Dictionary<string, IReadOnlyList<Message>> { [field] = [c => c.InvalidId(kind)] });

    public static RefusalException InvalidFields(IReadOnlyDictionary<string, IReadOnlyList<Message>> errors, Message? detail = null) =>
        new(RefusalKind.InvalidFields, detail ?? (c => c.InvalidFields()), errors);

    public static RefusalException InvalidField(string field, Message error) =>
        InvalidFields(new Dictionary<string, IReadOnlyList<Message>> { [field] = [error] });

    public static RefusalException Conflict(Message detail) => new(RefusalKind.Conflict, detail);

    public static RefusalException PreconditionFailed(Message detail) => new(RefusalKind.PreconditionFailed, detail);

    public static RefusalException Unavailable(Message detail, TimeSpan? retryAfter = null) => new(RefusalKind.Unavailable, detail, retryAfter: retryAfter);

    public static RefusalException Misconfigured(Message detail) => new(RefusalKind.Misconfigured, detail);
}
