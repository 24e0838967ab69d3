using System.Net;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// The audit log records where an action came from. Behind Azure's front end the connection is an internal hop, so
/// there the address is the one the front end itself sets (<c>CLIENT-IP</c>, which it overwrites whatever a client
/// sent), port stripped; never <c>X-Forwarded-For</c> entries or other headers a client can write. Locally it is the
/// connection's address, whatever headers say.
/// </summary>
public sealed class AuditSourceAddressTests
{
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["CLIENT-IP"] = "203.0.113.7:50123",
        ["X-Forwarded-For"] = "198.51.100.9, 203.0.113.7:50123",
        ["X-Client-IP"] = "198.51.100.10",
        ["X-Real-IP"] = "198.51.100.11",
    };

    [Fact]
    public async Task In_azure_the_audit_records_the_address_the_front_end_set_without_its_port()
    {
        await using var app = await StartAsync(new() { ["WEBSITE_SITE_NAME"] = "func-tetreadiness", ["WEBSITE_AUTH_ENABLED"] = "true", ["Auth:AllowClientPrincipalHeader"] = "false", ["App:PublicBaseUrl"] = "https://func-tetreadiness.azurewebsites.net" });

        Assert.Equal("203.0.113.7", await MintAndReadSourceAsync(app, IPAddress.Parse("10.0.0.4")));
    }

    [Fact]
    public async Task Locally_the_audit_records_the_connection_address_whatever_the_headers_say()
    {
        await using var app = await StartAsync([]);

        Assert.Equal("127.0.0.1", await MintAndReadSourceAsync(app, IPAddress.Parse("::ffff:127.0.0.1")));
    }

    private static async Task<string?> MintAndReadSourceAsync(TestApp app, IPAddress connection)
    {
        var headers = new Dictionary<string, string>(Headers) { [HttpCall.PrincipalHeader] = HttpCall.Principal(AsCaller.CityCoordinatorEmail, "coordinator") };
        var (method, path) = Api.RouteOf("MintUnitLink", "tet-2024", "ba-dinh-ubnd");
        var request = HttpCall.Request(method, path, null, null, headers);
        request.HttpContext.Connection.RemoteIpAddress = connection;

        var response = await Api.RunAsync(app, "MintUnitLink", request, "tet-2024", "ba-dinh-ubnd");

        Assert.True(response.Status == 201, response.Body);
        var row = Assert.Single(await app.ReadAllAsync(TableNames.AuditLog), r => r.GetString("Action") == "link.mint");
        return row.GetString("SourceIp");
    }

    private static async Task<TestApp> StartAsync(Dictionary<string, string?> settings)
    {
        var app = await TestApp.StartAsync(settings: settings);
        await Seed.RosterAndCampaignAsync(app);
        return app;
    }
}
