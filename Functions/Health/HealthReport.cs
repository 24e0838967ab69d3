namespace TetReadiness.Health;

/// <summary>
/// <see cref="Status"/> is <c>healthy</c>, or <c>degraded</c> when email cannot go out (<see cref="Email"/>
/// <c>not configured</c> or <c>refused</c>, with <see cref="Detail"/> saying why, without any value) or when a Key
/// Vault reference did not resolve (<see cref="UnresolvedSecrets"/>: setting names only).
/// </summary>
public sealed record HealthReport(
    string Status,
    string Storage,
    int StorageMilliseconds,
    DateTimeOffset Time,
    string Email,
    string? Detail,
    IReadOnlyList<string> UnresolvedSecrets);
