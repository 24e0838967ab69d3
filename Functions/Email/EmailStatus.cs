using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TetReadiness.Email;

/// <summary>
/// Whether email can go out, for <c>/api/health</c>, and the one error log a configuration fault deserves. A key
/// that is an unresolved Key Vault reference, or a key SendGrid refuses (401, 403), is one fault, not one per email:
/// it is logged as an error once per <see cref="LogEvery"/> in each process, and health reports it until an email
/// goes through. Neither the key nor the reference text is ever logged or shown.
/// </summary>
public sealed class EmailStatus(IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailStatus> logger)
{
    public static readonly TimeSpan LogEvery = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private DateTimeOffset? loggedAt;
    private int? refusedWith;

    /// <summary><c>sendgrid</c>, <c>outbox</c> (no key: emails are written to files), <c>not configured</c> or <c>refused</c>; and why, for the last two.</summary>
    public (string Email, string? Detail) Describe()
    {
        if (options.Value.KeyIsUnresolvedReference)
        {
            return ("not configured", "SendGrid__ApiKey is a Key Vault reference the platform has not resolved (check the app's access to the vault and the secret's name). Reminders and digests wait and go out once it resolves.");
        }

        lock (gate)
        {
            if (refusedWith is { } status)
            {
                return ("refused", $"SendGrid refused the API key (HTTP {status}). Reminders and digests wait and go out once the key works.");
            }
        }

        return (options.Value.SendsForReal ? "sendgrid" : "outbox", null);
    }

    /// <summary>An email could not be sent because of the configuration (<see cref="EmailSendOutcome.NotConfigured"/>).</summary>
    public void ReportFault(int? statusCode)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            refusedWith = statusCode ?? refusedWith;
            if (loggedAt is { } last && now - last < LogEvery)
            {
                return;
            }

            loggedAt = now;
        }

        if (statusCode is { } status)
        {
            logger.LogError("Email send failed: SendGrid refused the API key (HTTP {StatusCode}); reminders and digests wait and go out once the key works", status);
        }
        else
        {
            logger.LogError("Email send failed: email is not configured (SendGrid__ApiKey is an unresolved Key Vault reference); reminders and digests wait and go out once it resolves");
        }
    }

    /// <summary>An email went through: the key works (again).</summary>
    public void ReportSent()
    {
        lock (gate)
        {
            refusedWith = null;
            loggedAt = null;
        }
    }
}
