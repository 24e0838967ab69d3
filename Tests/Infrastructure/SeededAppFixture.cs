namespace TetReadiness.Tests.Infrastructure;

/// <summary>
/// One app per test class for tests that must write nothing: the seed roster and campaign <c>tet-2024</c>, and no
/// submissions. Sharing it is safe only while those tests pass; each compares the tables before and after itself.
/// </summary>
public sealed class SeededAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
