namespace TetReadiness.Tests.Infrastructure;

/// <summary>A clock tests set and move; timers created from it are not used by the app.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}
