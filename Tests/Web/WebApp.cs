using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TetReadiness.Http;
using TetReadiness.LocalHost;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Web;

/// <summary>
/// The app in local mode, as ./run.sh starts it, on a free loopback port with tables of its own: principal headers
/// trusted (as Auth__AllowClientPrincipalHeader=true does), a unit-link key set. Seeds through the API, as a
/// coordinator or an officer would.
/// </summary>
public sealed class WebApp : IAsyncDisposable
{
    public const string LinkKey = "web-tests-unit-link-key-0123456789abcdef";
    public const string CoordinatorEmail = "dieuphoi@hanoi.invalid";

    private readonly LocalModeApp local;

    private WebApp(LocalModeApp local)
    {
        this.local = local;
    }

    public Uri BaseAddress => local.BaseAddress;

    public HttpClient Http => local.Http;

    public static async Task<WebApp> StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:AllowClientPrincipalHeader"] = "true",
            ["UnitLinks:PrimaryKey"] = LinkKey,
        };

        // The run's Azurite, with tables of this app's own (a prefix); timers and queue triggers are switched off,
        // as AzureWebJobs.<name>.Disabled does, so nothing here touches another test's queues. Starting an Azurite
        // per class cost 5 to 13 seconds on two cores.
        foreach (var function in FunctionCatalog.Discover(LocalFunctionsHost.FunctionsAssembly).Where(f => f.Trigger != FunctionTriggerKind.Http))
        {
            settings[$"AzureWebJobs:{function.Name}:Disabled"] = "true";
        }

        // Quiet: the HTTP edge logs every refusal and storage error the tests provoke on purpose; they assert what matters.
        return new WebApp(await LocalModeApp.StartAsync(
            settings,
            configure: builder => builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("TetReadiness.Http.HttpEdge", LogLevel.None)));
    }

    /// <summary>The <c>X-MS-CLIENT-PRINCIPAL</c> Easy Auth would send for this email (and the city coordinator role).</summary>
    public static string Principal(string email, bool coordinator = false)
    {
        var claims = new List<object> { new { typ = "preferred_username", val = email } };
        if (coordinator)
        {
            claims.Add(new { typ = "roles", val = "coordinator" });
        }

        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public static string CoordinatorPrincipal => Principal(CoordinatorEmail, coordinator: true);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? principal = null, HttpContent? content = null, string? unitLink = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        if (unitLink is not null)
        {
            request.Headers.Add("X-Unit-Link", unitLink);
        }

        return await Http.SendAsync(request);
    }

    public async Task ImportRosterAsync(string csv) =>
        await ExpectAsync(HttpStatusCode.OK, await SendAsync(HttpMethod.Put, "/api/roster", CoordinatorPrincipal, new StringContent(csv, Encoding.UTF8, "text/csv")));

    public async Task PutCampaignAsync(string campaignId, object definition) =>
        await ExpectSuccessAsync(await SendAsync(HttpMethod.Put, $"/api/campaigns/{campaignId}", CoordinatorPrincipal, Json(definition)));

    public async Task<string> MintLinkTokenAsync(string campaignId, string unitId)
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/campaigns/{campaignId}/units/{unitId}/link", CoordinatorPrincipal);
        await ExpectSuccessAsync(response);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        return url[(url.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
    }

    /// <summary>Submits as an officer (by email) or a link holder, the way another device would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string campaignId, string unitId, object body, string? officerEmail = null, string? unitLink = null)
    {
        var response = await SendAsync(HttpMethod.Put, $"/api/campaigns/{campaignId}/units/{unitId}/submission",
            officerEmail is null ? null : Principal(officerEmail), Json(body), unitLink);
        await ExpectSuccessAsync(response);
        return response;
    }

    /// <summary>Posts a JSON body as the given principal (a coordinator unless told), expecting success; answers the JSON.</summary>
    public async Task<JsonElement> PostJsonAsync(string path, object body, string? principal = null)
    {
        var response = await SendAsync(HttpMethod.Post, path, principal ?? CoordinatorPrincipal, Json(body));
        await ExpectSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetJsonAsync(string path, string? principal = null)
    {
        var response = await SendAsync(HttpMethod.Get, path, principal ?? CoordinatorPrincipal);
        await ExpectSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync() => await local.DisposeAsync();

    private static JsonContent Json(object body) => JsonContent.Create(body, body.GetType(), options: ApiJson.Options);

    private static async Task ExpectSuccessAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task ExpectAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
