using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Health;
using TetReadiness.Http;
using TetReadiness.Links;
using TetReadiness.Notes;
using TetReadiness.Profile;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// Calls an HTTP function by name through its function class, as the worker would: the method and path of its
/// route, the route values as the host passes them (already decoded), and the given body and headers.
/// </summary>
public static class Api
{
    public static readonly string[] Functions =
    [
        nameof(SubmissionFunctions.PutSubmission), nameof(SubmissionFunctions.GetSubmission), nameof(SubmissionFunctions.ListRevisions),
        nameof(CampaignFunctions.PutCampaign), nameof(CampaignFunctions.GetCampaign), nameof(CampaignFunctions.ListCampaigns),
        nameof(RosterFunctions.ImportRoster), nameof(RosterFunctions.GetRoster), nameof(ProfileFunctions.GetMe),
        nameof(LinkFunctions.MintUnitLink), nameof(LinkFunctions.ListUnitLinks), nameof(LinkFunctions.RevokeUnitLinks),
        nameof(StatusFunctions.GetCampaignStatus), nameof(StatusFunctions.GetNonReporters), nameof(StatusFunctions.GetCampaignUnits),
        nameof(StatusFunctions.GetLeastReadyItems),
        nameof(NoteFunctions.AddUnitNote), nameof(NoteFunctions.ListUnitNotes), nameof(RemindFunctions.RemindUnit),
        nameof(DeadlineFunctions.PutUnitDeadline), nameof(DeadlineFunctions.GetUnitDeadline), nameof(DeadlineFunctions.DeleteUnitDeadline),
    ];

    public static string AnswersJson { get; } = JsonSerializer.Serialize(Seed.Answers(), ApiJson.Options);

    public static string LinkAnswersJson { get; } = JsonSerializer.Serialize(
        new SubmissionRequest
        {
            Answers = Seed.Answers().Answers,
            Submitter = new SubmissionRequest.SubmitterRequest { Name = "Trần Văn An", Title = "Văn phòng UBND", Phone = "0912 345 678" },
        },
        ApiJson.Options);

    public static (string Method, string Path) RouteOf(string function, string campaignId, string unitId)
    {
        // The path is what a client would send; a NUL cannot even be parsed into a path (Kestrel answers 400 itself).
        static string Segment(string id) => Uri.EscapeDataString(id).Replace("%00", "%2500", StringComparison.Ordinal);
        var c = Segment(campaignId);
        var u = Segment(unitId);
        return function switch
        {
            nameof(SubmissionFunctions.PutSubmission) => ("PUT", $"/api/campaigns/{c}/units/{u}/submission"),
            nameof(SubmissionFunctions.GetSubmission) => ("GET", $"/api/campaigns/{c}/units/{u}/submission"),
            nameof(SubmissionFunctions.ListRevisions) => ("GET", $"/api/campaigns/{c}/units/{u}/revisions"),
            nameof(CampaignFunctions.PutCampaign) => ("PUT", $"/api/campaigns/{c}"),
            nameof(CampaignFunctions.GetCampaign) => ("GET", $"/api/campaigns/{c}"),
            nameof(CampaignFunctions.ListCampaigns) => ("GET", "/api/campaigns"),
            nameof(RosterFunctions.ImportRoster) => ("PUT", "/api/roster"),
            nameof(RosterFunctions.GetRoster) => ("GET", "/api/roster"),
            nameof(ProfileFunctions.GetMe) => ("GET", "/api/me"),
            nameof(LinkFunctions.MintUnitLink) => ("POST", $"/api/campaigns/{c}/units/{u}/link"),
            nameof(LinkFunctions.ListUnitLinks) => ("GET", $"/api/campaigns/{c}/links"),
            nameof(LinkFunctions.RevokeUnitLinks) => ("POST", $"/api/units/{u}/links/revoke"),
            nameof(StatusFunctions.GetCampaignStatus) => ("GET", $"/api/campaigns/{c}/status"),
            nameof(StatusFunctions.GetNonReporters) => ("GET", $"/api/campaigns/{c}/non-reporters"),
            nameof(StatusFunctions.GetCampaignUnits) => ("GET", $"/api/campaigns/{c}/units"),
            nameof(StatusFunctions.GetLeastReadyItems) => ("GET", $"/api/campaigns/{c}/least-ready-items"),
            nameof(NoteFunctions.AddUnitNote) => ("POST", $"/api/campaigns/{c}/units/{u}/notes"),
            nameof(NoteFunctions.ListUnitNotes) => ("GET", $"/api/campaigns/{c}/units/{u}/notes"),
            nameof(RemindFunctions.RemindUnit) => ("POST", $"/api/campaigns/{c}/units/{u}/remind"),
            nameof(DeadlineFunctions.PutUnitDeadline) => ("PUT", $"/api/campaigns/{c}/units/{u}/deadline"),
            nameof(DeadlineFunctions.GetUnitDeadline) => ("GET", $"/api/campaigns/{c}/units/{u}/deadline"),
            nameof(DeadlineFunctions.DeleteUnitDeadline) => ("DELETE", $"/api/campaigns/{c}/units/{u}/deadline"),
            "Health" => ("GET", "/api/health"),
            _ => throw new ArgumentException($"Unknown function {function}", nameof(function)),
        };
    }

    public static Task<HttpResponseSnapshot> CallAsync(
        TestApp app,
        string function,
        string campaignId = "tet-2024",
        string unitId = "ba-dinh-ubnd",
        string? body = null,
        string? contentType = "application/json",
        IDictionary<string, string>? headers = null,
        string query = "")
    {
        var (method, path) = RouteOf(function, campaignId, unitId);
        return RunAsync(app, function, HttpCall.Request(method, path + query, body, contentType, headers), campaignId, unitId);
    }

    public static Task<HttpResponseSnapshot> RunAsync(TestApp app, string function, HttpRequest request, string campaignId, string unitId)
    {
        var none = CancellationToken.None;
        return HttpCall.RunAsync(request, r => function switch
        {
            nameof(SubmissionFunctions.PutSubmission) => app.Create<SubmissionFunctions>().PutSubmission(r, campaignId, unitId, none),
            nameof(SubmissionFunctions.GetSubmission) => app.Create<SubmissionFunctions>().GetSubmission(r, campaignId, unitId, none),
            nameof(SubmissionFunctions.ListRevisions) => app.Create<SubmissionFunctions>().ListRevisions(r, campaignId, unitId, none),
            nameof(CampaignFunctions.PutCampaign) => app.Create<CampaignFunctions>().PutCampaign(r, campaignId, none),
            nameof(CampaignFunctions.GetCampaign) => app.Create<CampaignFunctions>().GetCampaign(r, campaignId, none),
            nameof(CampaignFunctions.ListCampaigns) => app.Create<CampaignFunctions>().ListCampaigns(r, none),
            nameof(RosterFunctions.ImportRoster) => app.Create<RosterFunctions>().ImportRoster(r, none),
            nameof(RosterFunctions.GetRoster) => app.Create<RosterFunctions>().GetRoster(r, none),
            nameof(ProfileFunctions.GetMe) => app.Create<ProfileFunctions>().GetMe(r, none),
            nameof(LinkFunctions.MintUnitLink) => app.Create<LinkFunctions>().MintUnitLink(r, campaignId, unitId, none),
            nameof(LinkFunctions.ListUnitLinks) => app.Create<LinkFunctions>().ListUnitLinks(r, campaignId, none),
            nameof(LinkFunctions.RevokeUnitLinks) => app.Create<LinkFunctions>().RevokeUnitLinks(r, unitId, none),
            nameof(StatusFunctions.GetCampaignStatus) => app.Create<StatusFunctions>().GetCampaignStatus(r, campaignId, none),
            nameof(StatusFunctions.GetNonReporters) => app.Create<StatusFunctions>().GetNonReporters(r, campaignId, none),
            nameof(StatusFunctions.GetCampaignUnits) => app.Create<StatusFunctions>().GetCampaignUnits(r, campaignId, none),
            nameof(StatusFunctions.GetLeastReadyItems) => app.Create<StatusFunctions>().GetLeastReadyItems(r, campaignId, none),
            nameof(NoteFunctions.AddUnitNote) => app.Create<NoteFunctions>().AddUnitNote(r, campaignId, unitId, none),
            nameof(NoteFunctions.ListUnitNotes) => app.Create<NoteFunctions>().ListUnitNotes(r, campaignId, unitId, none),
            nameof(RemindFunctions.RemindUnit) => app.Create<RemindFunctions>().RemindUnit(r, campaignId, unitId, none),
            nameof(DeadlineFunctions.PutUnitDeadline) => app.Create<DeadlineFunctions>().PutUnitDeadline(r, campaignId, unitId, none),
            nameof(DeadlineFunctions.GetUnitDeadline) => app.Create<DeadlineFunctions>().GetUnitDeadline(r, campaignId, unitId, none),
            nameof(DeadlineFunctions.DeleteUnitDeadline) => app.Create<DeadlineFunctions>().DeleteUnitDeadline(r, campaignId, unitId, none),
            "Health" => app.Create<HealthFunction>().Run(r, none),
            _ => Task.FromResult<IActionResult>(new NotFoundResult()),
        });
    }

    /// <summary>Mints a link as a city coordinator and returns its token (what follows <c>?t=</c>).</summary>
    public static async Task<string> MintTokenAsync(TestApp app, string campaignId, string unitId, string? expiresAt = null)
    {
        var body = expiresAt is null ? null : JsonSerializer.Serialize(new { expiresAt });
        var response = await CallAsync(app, nameof(LinkFunctions.MintUnitLink), campaignId, unitId, body, headers: AsCaller.CityCoordinator);
        Assert.True(response.Status == 201, response.Body);
        var url = response.Json.GetProperty("url").GetString()!;
        return url[(url.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
    }
}
