namespace TetReadiness.Health;

/// <param name="UnresolvedSecrets">Settings whose Key Vault reference did not resolve (names only).</param>
public sealed record HealthReport(string Status, string Storage, int StorageMilliseconds, DateTimeOffset Time, IReadOnlyList<string>? UnresolvedSecrets = null);
