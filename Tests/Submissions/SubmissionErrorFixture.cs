using TetReadiness.Identity;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

/// <summary>
/// One app for the error cases, which must write nothing: the seed roster and campaign, a first revision of
/// <c>ba-dinh-ubnd</c>, and <c>ba-vi-ubnd</c> made inactive by a later roster import.
/// </summary>
public sealed class SubmissionErrorFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset WhileOpen = new(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(WhileOpen);
        await Seed.RosterAndCampaignAsync(App);
        await App.Get<SubmissionService>().SubmitAsync(
            "tet-2024", "ba-dinh-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var withoutBaVi = string.Join('\n', Seed.RosterCsv.Split('\n').Where(line => !line.StartsWith("ba-vi,", StringComparison.Ordinal)));
        await App.Get<RosterImporter>().ImportAsync(withoutBaVi, null, dryRun: false, TetReadiness.Identity.Caller.System, CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
