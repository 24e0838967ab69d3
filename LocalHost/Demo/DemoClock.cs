namespace TetReadiness.LocalHost.Demo;

/// <summary>A clock the seeder can set, so historic submissions carry historic times.</summary>
public sealed class DemoClock : TimeProvider
{
    private DateTimeOffset? now;

    public void Set(DateTimeOffset? value) => now = value;

    public override DateTimeOffset GetUtcNow() => now ?? System.GetUtcNow();
}
