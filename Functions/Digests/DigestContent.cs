namespace TetReadiness.Digests;

/// <summary>What one digest email says, before it is rendered: a section per scope the recipient holds.</summary>
public sealed record DigestContent(string Recipient, DateOnly Date, DateTimeOffset AsOf, IReadOnlyList<DigestSection> Sections);
