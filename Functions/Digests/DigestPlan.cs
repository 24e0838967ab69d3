namespace TetReadiness.Digests;

/// <summary>One email for one recipient on one day: a section per scope, in the order they are shown.</summary>
public sealed record DigestPlan(string Recipient, IReadOnlyList<DigestScope> Scopes);
