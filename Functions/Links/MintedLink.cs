namespace TetReadiness.Links;

/// <summary><c>{url, expiresAt}</c>: the form address with the unit's signed token.</summary>
public sealed record MintedLink(string Url, DateTimeOffset ExpiresAt);
