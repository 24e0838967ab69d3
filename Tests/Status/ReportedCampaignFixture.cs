using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Status;

/// <summary>
/// Campaign <c>tet-2024</c> on 2 Feb 2024 (two days past its deadline): <c>ba-dinh-ubnd</c> reported on time, all ready;
/// <c>hoan-kiem-ubnd</c> reported late (partial, not applicable, not ready); the other two units have not reported.
/// </summary>
public sealed class ReportedCampaignFixture : IAsyncLifetime
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public TestApp App { get; private set; } = null!;

    public static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, Vietnam));
        await Seed.RosterAndCampaignAsync(app);
        await SubmitAsync(app, "ba-dinh-ubnd", Seed.Answers(fire: "ready", equipment: "ready", gifts: "ready"));
        app.Clock.Set(new DateTimeOffset(2024, 2, 2, 10, 0, 0, Vietnam));
        await SubmitAsync(app, "hoan-kiem-ubnd", Seed.Answers(fire: "partial", equipment: "not_applicable", gifts: "not_ready"));
        return app;
    }

    public static Task SubmitAsync(TestApp app, string unitId, SubmissionRequest request) =>
        app.Get<SubmissionService>().SubmitAsync("tet-2024", unitId, _ => Task.FromResult(request), SubmissionPreconditions.None, TetReadiness.Identity.Caller.System, CancellationToken.None);

    public async Task InitializeAsync() => App = await StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
