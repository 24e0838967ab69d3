namespace TetReadiness.Email;

/// <summary>An email ready to send: both a plain-text and an HTML part, Vietnamese in UTF-8.</summary>
public sealed record EmailMessage(
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string PlainText,
    string Html,
    string Category);
