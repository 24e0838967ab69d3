namespace TetReadiness.Email;

public enum EmailSendOutcome
{
    Sent,

    /// <summary>Worth retrying: 429, 5xx, a timeout or no answer.</summary>
    TransientFailure,

    /// <summary>Retrying cannot help: 400, 401, 403 and other 4xx.</summary>
    PermanentFailure,
}
