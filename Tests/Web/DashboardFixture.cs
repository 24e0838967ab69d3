namespace TetReadiness.Tests.Web;

/// <summary>
/// A campaign with several submissions: two units on time (one of them twice), then the deadline moved two days into
/// the past and one unit late; four units have not reported and are two days overdue.
/// </summary>
public sealed class DashboardFixture : BrowserFixture
{
    public const string CampaignId = "tet-tien-do";

    protected override async Task SeedAsync(WebApp app)
    {
        await app.ImportRosterAsync(WebSeed.RosterCsv);
        var campaign = WebSeed.Campaign("Tiến độ chuẩn bị Tết", WebSeed.Today.AddDays(-10), WebSeed.Today.AddDays(3));
        await app.PutCampaignAsync(CampaignId, campaign);
        await app.SubmitAsync(CampaignId, "ba-dinh-ubnd", WebSeed.Answers(campaign, firstStatus: "not_ready"), officerEmail: "vanphong@ba-dinh.invalid");
        await app.SubmitAsync(CampaignId, "ba-dinh-ubnd", WebSeed.Answers(campaign, firstStatus: "ready"), officerEmail: "vanphong@ba-dinh.invalid");
        await app.SubmitAsync(CampaignId, "hoan-kiem-ubnd", WebSeed.Answers(campaign), officerEmail: "vanphong@hoan-kiem.invalid");

        var overdue = WebSeed.Campaign("Tiến độ chuẩn bị Tết", WebSeed.Today.AddDays(-10), WebSeed.Today.AddDays(-2));
        await app.PutCampaignAsync(CampaignId, overdue);
        await app.SubmitAsync(CampaignId, "ba-dinh-ttyt", WebSeed.Answers(overdue, firstStatus: "partial"), officerEmail: "truc@ba-dinh-ttyt.invalid");
    }
}
