namespace TetReadiness.Email;

public sealed record EmailSendResult(EmailSendOutcome Outcome, int? StatusCode, string? Error)
{
    public static EmailSendResult Sent(int? statusCode = 202) => new(EmailSendOutcome.Sent, statusCode, null);

    /// <summary>Decides from the status code alone: the SendGrid client returns error responses instead of throwing.</summary>
    public static EmailSendResult FromStatus(int statusCode, string? body) => statusCode switch
    {
        >= 200 and < 300 => Sent(statusCode),
        408 or 429 or >= 500 => new(EmailSendOutcome.TransientFailure, statusCode, Summarize(statusCode, body)),
        _ => new(EmailSendOutcome.PermanentFailure, statusCode, Summarize(statusCode, body)),
    };

    /// <summary>Kept in the row and logged: SendGrid's words, with the addresses they quote pseudonymised.</summary>
    private static string Summarize(int statusCode, string? body)
    {
        var text = Common.LogRedaction.Emails(body).ReplaceLineEndings(" ");
        return $"HTTP {statusCode}: {(text.Length > 300 ? text[..300] + "…" : text)}";
    }
}
