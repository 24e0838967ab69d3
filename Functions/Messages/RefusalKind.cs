namespace TetReadiness.Messages;

/// <summary>
/// Why a request is refused, in the order the checks run: routing decides 405 before a function runs; then identity
/// (401), rights (403), existence (404), media type (415), size (413), syntax and fields (400), state (409, 412).
/// The 503s come from outside that sequence: storage that does not answer, contention, settings that are wrong.
/// <see cref="RefusalKinds.Status"/> gives each its HTTP status.
/// </summary>
public enum RefusalKind
{
    MethodNotAllowed,
    NotSignedIn,
    Forbidden,
    NotFound,
    UnsupportedMediaType,
    TooLarge,

    /// <summary>The request itself is wrong: its syntax, a header, an id in the path or query.</summary>
    Invalid,

    /// <summary>A well-formed request whose fields are wrong, each listed in <c>errors</c>.</summary>
    InvalidFields,
    Conflict,
    PreconditionFailed,
    Unavailable,
    Misconfigured,
}
