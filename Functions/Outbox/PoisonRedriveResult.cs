namespace TetReadiness.Outbox;

/// <summary>What one re-drive did: messages moved back, rows they will send, unreadable messages left in poison.</summary>
public sealed record PoisonRedriveResult(int Moved, int Sendable, int Kept);
