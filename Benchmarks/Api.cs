using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TetReadiness.Benchmarks;

/// <summary>The app's HTTP API as the benchmark calls it, with the local-mode client-principal header.</summary>
public sealed class Api(HttpClient http)
{
    public const string CityCoordinator = "bench-coordinator@bench.invalid";

    public static string OfficerOf(string unitId) => $"officer@{unitId}.bench.invalid";

    public static string Principal(string email, bool coordinator)
    {
        var claims = new JsonArray(new JsonObject { ["typ"] = "preferred_username", ["val"] = email });
        if (coordinator)
        {
            claims.Add(new JsonObject { ["typ"] = "roles", ["val"] = "coordinator" });
        }

        var principal = new JsonObject { ["auth_typ"] = "aad", ["claims"] = claims };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(principal.ToJsonString()));
    }

    public async Task<TimeSpan> SendAsync(HttpMethod method, string path, string principal, HttpContent? content, int expected, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);

        // A refusal's detail lands in the benchmark's output: English, for whoever reads the run's log.
        request.Headers.AcceptLanguage.ParseAdd("en");
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        clock.Stop();
        if ((int)response.StatusCode != expected && !(expected == 200 && response.IsSuccessStatusCode))
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }

        return clock.Elapsed;
    }

    /// <summary>A GET as a page makes it: 200 expected.</summary>
    public Task<TimeSpan> GetAsync(string path, string principal) => SendAsync(HttpMethod.Get, path, principal, null, 200);

    /// <summary>Runs a timer function now through local mode's admin API; false when the app has no such function (404).</summary>
    public async Task<bool> TryRunFunctionAsync(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"admin/functions/{name}") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Principal(CityCoordinator, true));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode switch
        {
            System.Net.HttpStatusCode.Accepted => true,
            System.Net.HttpStatusCode.NotFound => false,
            _ => throw new InvalidOperationException($"POST admin/functions/{name} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}"),
        };
    }

    /// <summary>The timer functions the app has (local mode's admin API), to switch them off for a quiet measurement.</summary>
    public async Task<IReadOnlyList<string>> TimerFunctionsAsync()
    {
        var list = JsonNode.Parse(await http.GetStringAsync("admin/functions"))!.AsArray();
        return list.Where(f => (string?)f!["trigger"] == "Timer").Select(f => (string)f!["name"]!).ToList();
    }

    public Task<TimeSpan> ImportRosterAsync(string csv) =>
        SendAsync(HttpMethod.Put, "api/roster", Principal(CityCoordinator, true), new StringContent(csv, Encoding.UTF8, "text/csv"), 200);

    public Task<TimeSpan> PutCampaignAsync(string campaignId, JsonObject definition) =>
        SendAsync(HttpMethod.Put, $"api/campaigns/{campaignId}", Principal(CityCoordinator, true), Json(definition), 200);

    public Task<TimeSpan> SubmitAsync(string campaignId, string unitId, string body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/campaigns/{campaignId}/units/{unitId}/submission", Principal(OfficerOf(unitId), false),
            new StringContent(body, Encoding.UTF8, "application/json"), 200, cancellationToken);

    public Task<TimeSpan> StatusAsync(string campaignId) =>
        SendAsync(HttpMethod.Get, $"api/campaigns/{campaignId}/status", Principal(CityCoordinator, true), null, 200);

    public Task<TimeSpan> NonReportersAsync(string campaignId) =>
        SendAsync(HttpMethod.Get, $"api/campaigns/{campaignId}/non-reporters", Principal(CityCoordinator, true), null, 200);

    public Task<TimeSpan> RunReminderScanAsync() =>
        SendAsync(HttpMethod.Post, "admin/functions/ReminderScan", Principal(CityCoordinator, true), new StringContent("{}", Encoding.UTF8, "application/json"), 202);

    public Task<TimeSpan> RunExportTablesAsync() =>
        SendAsync(HttpMethod.Post, "admin/functions/ExportTables", Principal(CityCoordinator, true), new StringContent("{}", Encoding.UTF8, "application/json"), 202);

    private static StringContent Json(JsonNode node)
    {
        var content = new StringContent(node.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}

/// <summary>The demo checklist (LocalHost/Demo/tet-checklist.json), campaigns around it, and a synthetic roster.</summary>
public sealed class Workload(string checklistPath)
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private readonly JsonObject checklist = JsonNode.Parse(File.ReadAllText(checklistPath))!.AsObject();

    public IReadOnlyList<(string SectionId, string ItemId)> Items =>
        checklist["sections"]!.AsArray().SelectMany(s => s!["items"]!.AsArray().Select(i => ((string)s["id"]!, (string)i!["id"]!))).ToList();

    public static string UnitId(int index) => $"u-{index:D5}";

    /// <summary>Opened at 00:00 Vietnam time today; deadline today (23:59:59) or <paramref name="deadlineInDays"/> later.</summary>
    public JsonObject Campaign(string title, int deadlineInDays)
    {
        var today = DateOnly.FromDateTime((DateTimeOffset.UtcNow + VietnamOffset).DateTime);
        var sections = JsonNode.Parse(checklist["sections"]!.ToJsonString())!;
        return new JsonObject
        {
            ["title"] = title,
            ["opensAt"] = $"{today:yyyy-MM-dd}T00:00:00+07:00",
            ["deadline"] = today.AddDays(deadlineInDays).ToString("yyyy-MM-dd"),
            ["digestRecipients"] = new JsonArray(),
            ["sections"] = sections,
        };
    }

    public string SubmissionBody(int seed)
    {
        var statuses = new[] { "ready", "ready", "partial", "ready", "not_ready", "not_applicable" };
        var answers = new JsonArray(Items.Select((item, i) => (JsonNode)new JsonObject
        {
            ["itemId"] = item.ItemId,
            ["status"] = statuses[(i + seed) % statuses.Length],
        }).ToArray());
        return new JsonObject { ["answers"] = answers }.ToJsonString();
    }

    /// <summary>100 units per area; every unit has one officer email; every area one coordinator.</summary>
    public static string RosterCsv(int units)
    {
        var csv = new StringBuilder("district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n");
        for (var i = 0; i < units; i++)
        {
            var district = i / 100;
            csv.Append($"d-{district:D3},Phường thử {district:D3},{UnitId(i)},Đơn vị thử {i:D5},{Api.OfficerOf(UnitId(i))},coord-{district:D3}@bench.invalid\n");
        }

        return csv.ToString();
    }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);
}
