namespace TetReadiness.Health;

public sealed record HealthReport(string Status, string Storage, int StorageMilliseconds, DateTimeOffset Time);
