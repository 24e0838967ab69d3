namespace TetReadiness.Tests.Web;

/// <summary>The roster and last year's campaign (Tết Giáp Thìn 2024, closed), ready to be cloned.</summary>
public sealed class AdminFixture : BrowserFixture
{
    protected override async Task SeedAsync(WebApp app)
    {
        await app.ImportRosterAsync(WebSeed.RosterCsv);
        var campaign = WebSeed.Campaign("Chuẩn bị Tết Giáp Thìn 2024", new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 31));
        await app.PutCampaignAsync("tet-2024", campaign);
        await app.PutCampaignAsync("tet-thu", WebSeed.Campaign("Chuẩn bị Tết (thử nghiệm)", WebSeed.Today.AddDays(-1), WebSeed.Today.AddDays(5)));
    }
}
