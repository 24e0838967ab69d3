using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Hosting;

/// <summary>
/// The README's first run: ./run.sh's settings (scripts/local-settings.sh on the example), then
/// <c>POST /admin/functions/ReminderScan</c>: every reminder in the outbox carries a signed link that opens its unit.
/// </summary>
public sealed partial class LocalRunReminderLinkTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> UnitsByOfficer = new()
    {
        ["vanphong@ba-dinh.invalid"] = "ba-dinh-ubnd",
        ["truc@ba-dinh-ttyt.invalid"] = "ba-dinh-ttyt",
        ["vanphong@hoan-kiem.invalid"] = "hoan-kiem-ubnd",
    };

    private readonly string folder = Directory.CreateTempSubdirectory("tetreadiness-first-run-").FullName;
    private LocalModeApp local = null!;

    public async Task InitializeAsync()
    {
        var settingsPath = Path.Combine(folder, "local.settings.json");
        await LocalSettingsScriptTests.RunScriptAsync(settingsPath);
        var values = JsonNode.Parse(await File.ReadAllTextAsync(settingsPath))!["Values"]!.AsObject();

        // The run's own values, but for the storage connection and the schedules: an Azurite of its own (the app's
        // fixed queue names), and timers that do not fire by themselves during the test.
        var settings = values
            .Where(p => !p.Key.StartsWith("Storage", StringComparison.Ordinal) && !p.Key.StartsWith("AzureWebJobs", StringComparison.Ordinal))
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value!.GetValue<string>());
        foreach (var schedule in settings.Keys.Where(k => k.EndsWith("Schedule", StringComparison.Ordinal)).ToList())
        {
            settings[schedule] = LocalModeApp.FarAway;
        }

        settings["Auth:AllowClientPrincipalHeader"] = "true";
        local = await LocalModeApp.StartAsync(settings, ownAzurite: true);
        local.Http.DefaultRequestHeaders.Add(HttpCall.PrincipalHeader, HttpCall.Principal("sonoivu@hanoi.invalid", "coordinator"));
    }

    public async Task DisposeAsync()
    {
        if (local is not null)
        {
            await local.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Reminders_of_a_first_local_run_carry_signed_links_that_open_their_unit()
    {
        var roster = new StringContent(Seed.RosterCsv, Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await local.Http.PutAsync("/api/roster", roster)).StatusCode);
        var today = VietnamTime.Today(TimeProvider.System);
        var campaign = Seed.Campaign(
            opensAt: VietnamTime.StartOf(today.AddDays(-10)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            deadline: today.ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.Created, (await local.Http.PutAsync("/api/campaigns/first-run", JsonContent.Create(campaign))).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await local.Http.PostAsync("/admin/functions/ReminderScan", null)).StatusCode);

        var emails = await local.WaitForOutboxAsync(expected: 3);
        foreach (var email in emails)
        {
            var unitId = UnitsByOfficer.Single(u => email.Contains("To: " + u.Key, StringComparison.Ordinal)).Value;
            var link = LinkOf().Match(email);
            Assert.True(link.Success, "A reminder without a signed link:\n" + email);
            Assert.StartsWith("http://localhost:7071/form?t=", link.Value, StringComparison.Ordinal);

            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            me.Headers.Add("X-Unit-Link", link.Groups[1].Value);
            using var anonymous = new HttpClient { BaseAddress = local.BaseAddress }.AskingForEnglish();
            var response = await anonymous.SendAsync(me);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var profile = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("link", profile.RootElement.GetProperty("via").GetString());
            Assert.Equal(unitId, profile.RootElement.GetProperty("units")[0].GetProperty("unitId").GetString());
        }
    }

    [GeneratedRegex(@"(?<=Mở biểu mẫu báo cáo: )\S+/form\?t=([A-Za-z0-9_\-.]+)")]
    private static partial Regex LinkOf();
}
