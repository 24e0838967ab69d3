using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace TetReadiness.Email;

/// <summary>
/// Sends through SendGrid's v3 <c>mail/send</c>. The client returns error responses rather than throwing and its own
/// retry never retries 429, so the outcome is decided here from the status code; the queue does the retrying.
/// SendGrid's error text is kept in the result (for the row), never logged: it may quote the recipient.
/// </summary>
public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options, EmailStatus status, ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(options.Value.FromEmail, options.Value.FromName),
            Subject = message.Subject,
            PlainTextContent = message.PlainText,
            HtmlContent = message.Html,
        };
        mail.AddTos(message.To.Select(to => new EmailAddress(to)).ToList());
        var cc = message.Cc.Where(c => !message.To.Contains(c, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cc.Count > 0)
        {
            mail.AddCcs(cc.Select(c => new EmailAddress(c)).ToList());
        }

        mail.AddCategory(message.Category);
        try
        {
            var response = await client.SendEmailAsync(mail, cancellationToken);
            var statusCode = (int)response.StatusCode;
            var body = response.IsSuccessStatusCode ? null : await response.Body.ReadAsStringAsync(cancellationToken);
            var result = EmailSendResult.FromStatus(statusCode, body);
            switch (result.Outcome)
            {
                case EmailSendOutcome.Sent:
                    status.ReportSent();
                    break;
                case EmailSendOutcome.NotConfigured:
                    // One error per fault, not one per email: EmailStatus logs it.
                    status.ReportFault(statusCode);
                    break;
                default:
                    logger.LogWarning("Email send failed ({Outcome}) with {StatusCode} for {Category}", result.Outcome, statusCode, message.Category);
                    break;
            }

            return result;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(exception, "Email send failed (no answer from SendGrid) for {Category}", message.Category);
            return new EmailSendResult(EmailSendOutcome.TransientFailure, null, exception.GetType().Name + ": " + exception.Message);
        }
    }
}
