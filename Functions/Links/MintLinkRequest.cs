namespace TetReadiness.Links;

/// <summary>Optional body of the mint call: an expiry earlier than the campaign's close.</summary>
public sealed class MintLinkRequest
{
    public string? ExpiresAt { get; set; }
}
