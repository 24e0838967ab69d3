using TetReadiness.Identity;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// One app per test class for tests that write nothing: the seed roster and campaign <c>tet-2024</c>, reports from
/// ba-dinh-ubnd and hoan-kiem-ubnd, and a feed key.
/// </summary>
public sealed class ReportedAppFixture : IAsyncLifetime
{
    public const string FeedKey = "security-feed-key-0123456789abcdef";

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Feed:PrimaryKey"] = FeedKey });
        await Seed.RosterAndCampaignAsync(App);
        foreach (var unitId in new[] { "ba-dinh-ubnd", "hoan-kiem-ubnd" })
        {
            await App.Get<SubmissionService>().SubmitAsync("tet-2024", unitId, _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
