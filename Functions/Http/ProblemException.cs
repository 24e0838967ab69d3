using Microsoft.AspNetCore.Http;

namespace TetReadiness.Http;

/// <summary>
/// A failure the caller caused or must know about, answered as RFC 9457 problem+json.
/// Thrown by application services before anything is written; mapped to a response in one place.
/// </summary>
public class ProblemException(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Detail { get; } = detail;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ProblemException BadRequest(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status400BadRequest, "Bad request", detail, errors);

    public static ProblemException Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, "Validation failed",
            detail ?? "Dữ liệu gửi lên không hợp lệ; xem từng lỗi trong 'errors'. (The request has invalid fields; see 'errors'.)", errors);

    public static ProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemException Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemException PreconditionFailed(string detail) =>
        new(StatusCodes.Status412PreconditionFailed, "Precondition failed", detail);

    public static ProblemException UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    public static ProblemException PayloadTooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The request body is larger than {limit / 1024} KiB.");

    public static ProblemException Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);
}
