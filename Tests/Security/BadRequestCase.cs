using Microsoft.AspNetCore.Http;
using TetReadiness.Identity;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// One bad request of the battery: which function it reaches, with which route values, and the 4xx it must get.
/// Headers may depend on the app's signer (tokens are forged from real ones).
/// </summary>
public sealed record BadRequestCase(
    string Function,
    int Status,
    string CampaignId = "tet-2024",
    string UnitId = "ba-dinh-ubnd",
    string? Body = null,
    string? ContentType = "application/json",
    string Query = "",
    Func<UnitLinkSigner, DateTimeOffset, Dictionary<string, string>>? Headers = null)
{
    public HttpRequest Request(UnitLinkSigner signer, DateTimeOffset now)
    {
        var (method, path) = Api.RouteOf(Function, CampaignId, UnitId);
        return HttpCall.Request(method, path + Query, Body, ContentType, Headers?.Invoke(signer, now));
    }
}
