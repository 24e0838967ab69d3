namespace TetReadiness.Email;

public enum EmailSendOutcome
{
    Sent,

    /// <summary>Worth retrying: 429, 5xx, a timeout or no answer.</summary>
    TransientFailure,

    /// <summary>Retrying this email cannot help: 400 and other 4xx about the email itself.</summary>
    PermanentFailure,

    /// <summary>
    /// A fault of the configuration, not of the email: no usable key (an unresolved Key Vault reference), or SendGrid
    /// refused the key (401, 403). Nothing is used up: the email waits, and goes out once the key works.
    /// </summary>
    NotConfigured,
}
