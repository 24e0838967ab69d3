using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TetReadiness.Email;

/// <summary>
/// With no SendGrid key, emails land in a folder as <c>.eml</c> (open in any mail program) and <c>.html</c>
/// (open in a browser), so a coordinator can see the digest locally and nothing leaves the machine.
/// </summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = options.Value.OutboxPath;
        Directory.CreateDirectory(folder);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss");
        var name = $"{stamp}-{message.Category}-{Safe(message.To.FirstOrDefault() ?? "nobody")}-{Guid.NewGuid().ToString("N")[..6]}";
        var eml = new StringBuilder()
            .Append("From: ").Append(Header(options.Value.FromName)).Append(" <").Append(options.Value.FromEmail).Append(">\r\n")
            .Append("To: ").Append(string.Join(", ", message.To)).Append("\r\n");
        if (message.Cc.Count > 0)
        {
            eml.Append("Cc: ").Append(string.Join(", ", message.Cc)).Append("\r\n");
        }

        eml.Append("Subject: ").Append(Header(message.Subject)).Append("\r\n")
            .Append("Date: ").Append(clock.GetUtcNow().ToString("r")).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: multipart/alternative; boundary=\"tetreadiness\"\r\n\r\n")
            .Append("--tetreadiness\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.PlainText).Append("\r\n")
            .Append("--tetreadiness\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.Html).Append("\r\n--tetreadiness--\r\n");
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".eml"), eml.ToString(), new UTF8Encoding(false), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), message.Html, new UTF8Encoding(false), cancellationToken);
        // The file name holds the recipient's local part, which may be a person's name: the log names the file by its suffix.
        logger.LogInformation("Email {Category} to {RecipientCount} recipients written to the outbox (…{FileSuffix}.eml)", message.Category, message.To.Count + message.Cc.Count, name[^6..]);
        return EmailSendResult.Sent(null);
    }

    private static string Header(string text) => text.All(c => c < 128) ? text : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";

    private static string Safe(string email)
    {
        var address = MailAddress.TryCreate(email, out var parsed) ? parsed.User : "mail";
        return new string(address.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
    }
}
