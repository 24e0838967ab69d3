using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Routing;
using TetReadiness.LocalHost;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Hosting;

/// <summary>The HTTP contract end to end over real HTTP, through local mode's Kestrel host.</summary>
public sealed class LocalModeContractTests(LocalModeHostFixture host) : IClassFixture<LocalModeHostFixture>
{
    private readonly HttpClient http = host.Http;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private static string CampaignJson()
    {
        var now = DateTimeOffset.UtcNow;
        string Iso(DateTimeOffset instant) => VietnamTime.ToVietnam(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new
        {
            title = "Kiểm tra sẵn sàng Tết",
            opensAt = Iso(now.AddDays(-1)),
            deadline = Iso(now.AddDays(3)),
            digestRecipients = new[] { "sonoivu@hanoi.invalid" },
            sections = new[]
            {
                new
                {
                    id = "pccc",
                    title = "Phòng cháy, chữa cháy",
                    items = new[] { new { id = "pccc-cho", text = "Kiểm tra PCCC tại chợ", required = true }, new { id = "pccc-phuong-tien", text = "Phương tiện chữa cháy", required = false } },
                },
            },
        });
    }

    private async Task SeedAsync(string campaignId)
    {
        var roster = await http.PutAsync("/api/roster", Csv(Seed.RosterCsv));
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        var campaign = await http.PutAsync($"/api/campaigns/{campaignId}", Json(CampaignJson()));
        Assert.True(campaign.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await campaign.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonOf(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Fact]
    public async Task Health_answers_200_when_storage_answers()
    {
        var response = await http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await JsonOf(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_HTTP_contract_works_end_to_end()
    {
        var roster = await http.PutAsync("/api/roster", Csv(Seed.RosterCsv));
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        Assert.Equal(4, (await JsonOf(roster)).GetProperty("units").GetInt32());

        var campaign = await http.PutAsync("/api/campaigns/local-e2e", Json(CampaignJson()));
        Assert.Equal(HttpStatusCode.Created, campaign.StatusCode);
        Assert.Equal(1, (await JsonOf(await http.GetAsync("/api/campaigns/local-e2e"))).GetProperty("version").GetInt32());

        var first = await http.PutAsync("/api/campaigns/local-e2e/units/ba-dinh-ubnd/submission",
            Json("{\"answers\":[{\"itemId\":\"pccc-cho\",\"status\":\"ready\",\"note\":\"Đã kiểm tra.\\nỔn.\"},{\"itemId\":\"pccc-phuong-tien\",\"status\":\"partial\"}]}"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("\"r1\"", first.Headers.ETag?.ToString());
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(0.75, (await JsonOf(first)).GetProperty("readiness").GetDouble());

        var resubmit = new HttpRequestMessage(HttpMethod.Put, "/api/campaigns/local-e2e/units/ba-dinh-ubnd/submission")
        {
            Content = Json("{\"answers\":[{\"itemId\":\"pccc-cho\",\"status\":\"ready\"},{\"itemId\":\"pccc-phuong-tien\",\"status\":\"ready\"}]}"),
        };
        resubmit.Headers.IfMatch.Add(first.Headers.ETag);
        var second = await http.SendAsync(resubmit);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("\"r2\"", second.Headers.ETag?.ToString());

        var read = await http.GetAsync("/api/campaigns/local-e2e/units/ba-dinh-ubnd/submission");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"r2\"", read.Headers.ETag?.ToString());
        var submission = await JsonOf(read);
        Assert.Equal(2, submission.GetProperty("revision").GetInt32());
        Assert.Equal(["ready", "ready"], submission.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("status").GetString()));

        var status = await JsonOf(await http.GetAsync("/api/campaigns/local-e2e/status"));
        Assert.Equal((4, 1, 1, 0, 3), (status.GetProperty("units").GetInt32(), status.GetProperty("reported").GetInt32(),
            status.GetProperty("onTime").GetInt32(), status.GetProperty("late").GetInt32(), status.GetProperty("missing").GetInt32()));
        Assert.Equal(1.0, status.GetProperty("readiness").GetDouble());
        Assert.Equal(3, status.GetProperty("districts").GetArrayLength());

        var narrowed = await JsonOf(await http.GetAsync("/api/campaigns/local-e2e/status?district=hoan-kiem"));
        Assert.Equal(1, narrowed.GetProperty("units").GetInt32());

        var nonReporters = await JsonOf(await http.GetAsync("/api/campaigns/local-e2e/non-reporters"));
        Assert.Equal(["ba-dinh-ttyt", "ba-vi-ubnd", "hoan-kiem-ubnd"], nonReporters.EnumerateArray().Select(r => r.GetProperty("unitId").GetString()));
        Assert.All(nonReporters.EnumerateArray(), r => Assert.Equal(0, r.GetProperty("daysOverdue").GetInt32()));
    }

    [Fact]
    public async Task Client_errors_are_problem_json_over_HTTP()
    {
        await SeedAsync("local-errors");

        var unknownCampaign = await ProblemOf(await http.GetAsync("/api/campaigns/khong-co/status"), HttpStatusCode.NotFound);
        Assert.Contains("Unknown campaign", unknownCampaign.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await ProblemOf(await http.PutAsync("/api/campaigns/local-errors/units/ba-dinh-ubnd/submission",
            new StringContent("{\"answers\":[]}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        await ProblemOf(await http.PutAsync("/api/roster", Json("{}")), HttpStatusCode.UnsupportedMediaType);

        var invalid = await ProblemOf(await http.PutAsync("/api/campaigns/local-errors/units/ba-dinh-ubnd/submission",
            Json("{\"answers\":[{\"itemId\":\"pccc-cho\",\"status\":\"done\"}]}")), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("items.pccc-cho", out _));

        await ProblemOf(await http.PutAsync("/api/campaigns/local-errors/units/ba-dinh-ubnd/submission", Json("{\"answers\":[")), HttpStatusCode.BadRequest);

        var huge = new ByteArrayContent(new byte[300 * 1024]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await ProblemOf(await http.PutAsync("/api/campaigns/local-errors/units/ba-dinh-ubnd/submission", huge), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/campaigns/local-errors/units/ba-dinh-ubnd/submission")).StatusCode);
    }

    [Fact]
    public async Task The_admin_API_runs_a_timer_function_now()
    {
        await SeedAsync("local-admin");

        // A pending marker whose revision never committed, older than the repair's grace period.
        var marker = new TableEntity("local-admin", "ba-vi|ba-vi-ubnd")
        {
            ["CampaignId"] = "local-admin",
            ["UnitId"] = "ba-vi-ubnd",
            ["ProjectionPending"] = true,
            ["PendingRevision"] = 1,
            ["PendingSince"] = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5),
        };
        await host.Tables.Submissions.AddEntityAsync(marker);

        var run = await http.PostAsync("/admin/functions/ProjectionRepair", null);

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.False((await host.Tables.Submissions.GetEntityIfExistsAsync<TableEntity>("local-admin", "ba-vi|ba-vi-ubnd")).HasValue);
    }

    [Fact]
    public async Task The_admin_API_runs_only_timer_and_queue_functions()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/admin/functions/Health", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/admin/functions/NoSuchFunction", null)).StatusCode);
    }

    [Fact]
    public async Task The_admin_API_lists_every_function_the_catalog_discovers()
    {
        var listed = await JsonOf(await http.GetAsync("/admin/functions"));

        var discovered = FunctionCatalog.Discover(LocalFunctionsHost.FunctionsAssembly);
        Assert.Equal(discovered.Select(f => f.Name), listed.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(discovered.Select(f => f.Trigger.ToString()), listed.EnumerateArray().Select(f => f.GetProperty("trigger").GetString()));
    }

    [Fact]
    public void Every_HTTP_function_is_mapped_at_its_route_with_its_methods()
    {
        var endpoints = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        foreach (var function in FunctionCatalog.Discover(LocalFunctionsHost.FunctionsAssembly).Where(f => f.Trigger == FunctionTriggerKind.Http))
        {
            var endpoint = Assert.Single(endpoints, e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == function.Name);
            Assert.Equal("/" + function.Route, endpoint.RoutePattern.RawText);
            Assert.Equal(function.HttpMethods!.Order(), endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Order());
        }
    }

    [Fact]
    public async Task Every_API_function_answers_at_its_route()
    {
        var unanswered = new List<string>();
        foreach (var function in FunctionCatalog.Discover(LocalFunctionsHost.FunctionsAssembly)
                     .Where(f => f.Trigger == FunctionTriggerKind.Http && f.Route!.StartsWith("api/", StringComparison.Ordinal)))
        {
            var path = "/" + Regex.Replace(function.Route!, "{[^}]+}", "x-route-probe");
            using var request = new HttpRequestMessage(new HttpMethod(function.HttpMethods![0]), path);
            var response = await http.SendAsync(request);

            // The function answers (its own status, often a problem); an unmapped route would be an empty 404 or a 405.
            if (response.StatusCode == HttpStatusCode.MethodNotAllowed
                || (response.StatusCode == HttpStatusCode.NotFound && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                unanswered.Add($"{function.HttpMethods[0]} {path} → {(int)response.StatusCode}");
            }
        }

        Assert.Empty(unanswered);
    }
}
