using TetReadiness.Identity;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>Two seeded apps (one report, from ba-dinh-ubnd), one trusting the principal header and one not; the battery writes nothing to either.</summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public TestApp Trusting { get; private set; } = null!;

    public TestApp Distrusting { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Trusting = await StartAsync("true");
        Distrusting = await StartAsync("false");
    }

    public async Task DisposeAsync()
    {
        await Trusting.DisposeAsync();
        await Distrusting.DisposeAsync();
    }

    private static async Task<TestApp> StartAsync(string trust)
    {
        var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Auth:AllowClientPrincipalHeader"] = trust });
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<SubmissionService>().SubmitAsync("tet-2024", "ba-dinh-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        return app;
    }
}
