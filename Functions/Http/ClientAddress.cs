using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace TetReadiness.Http;

/// <summary>
/// The address a request came from, for the audit log. On App Service (Flex Consumption included) the connection the
/// app sees comes from the platform's front end, not the client, so the address is the one the front end writes in
/// <c>CLIENT-IP</c> (<c>ip:port</c>); the front end overwrites any <c>CLIENT-IP</c> a client sends, so it cannot be
/// forged, unlike <c>X-Forwarded-For</c>'s leading entries, <c>X-Client-IP</c> or <c>X-Real-IP</c>, which are never
/// read. Anywhere else (locally, or where no front end sets the header) it is the connection's own address.
/// </summary>
public static class ClientAddress
{
    public const string FrontEndHeader = "CLIENT-IP";

    public static string? Of(HttpRequest request, bool behindAppServiceFrontEnd) =>
        Of(request.Headers[FrontEndHeader], request.HttpContext.Connection.RemoteIpAddress, behindAppServiceFrontEnd);

    public static string? Of(StringValues frontEndHeader, IPAddress? connection, bool behindAppServiceFrontEnd)
    {
        // One value, as the front end writes it; anything else did not come from the front end alone.
        if (behindAppServiceFrontEnd && frontEndHeader.Count == 1 && IPEndPoint.TryParse(frontEndHeader[0]!.Trim(), out var endpoint))
        {
            return Format(endpoint.Address);
        }

        return connection is null ? null : Format(connection);
    }

    private static string Format(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
