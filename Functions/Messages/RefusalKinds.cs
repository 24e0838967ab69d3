namespace TetReadiness.Messages;

public static class RefusalKinds
{
    public static int Status(this RefusalKind kind) => kind switch
    {
        RefusalKind.MethodNotAllowed => 405,
        RefusalKind.NotSignedIn => 401,
        RefusalKind.Forbidden => 403,
        RefusalKind.NotFound => 404,
        RefusalKind.UnsupportedMediaType => 415,
        RefusalKind.TooLarge => 413,
        RefusalKind.Invalid or RefusalKind.InvalidFields => 400,
        RefusalKind.Conflict => 409,
        RefusalKind.PreconditionFailed => 412,
        RefusalKind.Unavailable or RefusalKind.Misconfigured => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
