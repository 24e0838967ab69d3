namespace TetReadiness.Email;

public sealed record EmailSendResult(EmailSendOutcome Outcome, int? StatusCode, string? Error)
{
    public static EmailSendResult Sent(int? statusCode = 202) => new(EmailSendOutcome.Sent, statusCode, null);

    /// <summary>Decides from the status code alone: the SendGrid client returns error responses instead of throwing.</summary>
    public static EmailSendResult FromStatus(int statusCode, string? body) => statusCode switch
    {
        >= 200 and < 300 => Sent(statusCode),
        408 or 429 or >= 500 => new(EmailSendOutcome.TransientFailure, statusCode, Summarize(statusCode, body)),
        401 or 403 => new(EmailSendOutcome.NotConfigured, statusCode, Summarize(statusCode, body)),
        _ => new(EmailSendOutcome.PermanentFailure, statusCode, Summarize(statusCode, body)),
    };

    public static EmailSendResult NotConfigured(string reason) => new(EmailSendOutcome.NotConfigured, null, reason);

    /// <summary>For the row's <c>LastError</c> only: SendGrid's error text may quote the email, so it is never logged.</summary>
    private static string Summarize(int statusCode, string? body)
    {
        var text = (body ?? string.Empty).ReplaceLineEndings(" ");
        return $"HTTP {statusCode}: {(text.Length > 300 ? text[..300] + "…" : text)}";
    }
}
