using System.Net;
using Microsoft.Extensions.Primitives;
using TetReadiness.Http;

namespace TetReadiness.Tests.Http;

/// <summary>
/// The audit's source address on its own: behind App Service's front end the <c>CLIENT-IP</c> it writes (port
/// stripped); otherwise, and whenever that header is not the front end's single value, the connection's address.
/// </summary>
public sealed class ClientAddressTests
{
    private static readonly IPAddress Hop = IPAddress.Parse("10.0.0.4");

    [Theory]
    [InlineData("203.0.113.7:50123", "203.0.113.7")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7:443 ", "203.0.113.7")]
    [InlineData("[2001:db8::7]:50123", "2001:db8::7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    public void Behind_the_app_service_front_end_it_is_the_address_the_front_end_wrote_without_port(string header, string expected)
    {
        Assert.Equal(expected, ClientAddress.Of(header, Hop, behindAppServiceFrontEnd: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("203.0.113.7:99999")]
    public void Behind_the_front_end_without_a_usable_header_it_is_the_connection(string? header)
    {
        Assert.Equal("10.0.0.4", ClientAddress.Of(header is null ? StringValues.Empty : new StringValues(header), Hop, behindAppServiceFrontEnd: true));
    }

    [Fact]
    public void Two_values_are_not_the_front_ends_single_value()
    {
        Assert.Equal("10.0.0.4", ClientAddress.Of(new StringValues(["198.51.100.9", "203.0.113.7:50123"]), Hop, behindAppServiceFrontEnd: true));
    }

    [Fact]
    public void Locally_the_header_is_whatever_a_client_wrote_so_it_is_ignored()
    {
        Assert.Equal("127.0.0.1", ClientAddress.Of("203.0.113.7:50123", IPAddress.Parse("::ffff:127.0.0.1"), behindAppServiceFrontEnd: false));
        Assert.Equal("::1", ClientAddress.Of("203.0.113.7:50123", IPAddress.IPv6Loopback, behindAppServiceFrontEnd: false));
    }

    [Fact]
    public void No_connection_and_no_header_is_no_address()
    {
        Assert.Null(ClientAddress.Of(StringValues.Empty, null, behindAppServiceFrontEnd: false));
    }
}
