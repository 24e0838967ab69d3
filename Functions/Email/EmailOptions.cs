using System.ComponentModel.DataAnnotations;

namespace TetReadiness.Email;

/// <summary>
/// Settings under <c>SendGrid</c>. Without an API key, emails are written to <see cref="OutboxPath"/> as .eml and
/// .html files instead of being sent. A key that is an unresolved Key Vault reference is no key and no reason to
/// write files either: email is not configured, and reminders and digests wait.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "SendGrid";

    public string? ApiKey { get; set; }

    [Required(ErrorMessage = "SendGrid__FromEmail is required.")]
    [EmailAddress(ErrorMessage = "SendGrid__FromEmail must be an email address.")]
    public string FromEmail { get; set; } = "no-reply@tetreadiness.invalid";

    public string FromName { get; set; } = "Sẵn sàng Tết";

    /// <summary>Overrides the SendGrid API host (tests and local capture), e.g. <c>http://127.0.0.1:5999</c>.</summary>
    public string? Host { get; set; }

    /// <summary>Where emails go when no API key is set.</summary>
    public string OutboxPath { get; set; } = Path.Combine(Path.GetTempPath(), "tetreadiness-outbox");

    [Range(1, 300, ErrorMessage = "SendGrid__TimeoutSeconds must be between 1 and 300.")]
    public int TimeoutSeconds { get; set; } = 30;

    public bool KeyIsUnresolvedReference => Common.KeyVaultReferences.IsUnresolved(ApiKey);

    public bool SendsForReal => !string.IsNullOrWhiteSpace(ApiKey) && !KeyIsUnresolvedReference;
}
