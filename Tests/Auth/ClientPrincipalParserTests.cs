using System.Text;
using TetReadiness.Identity;

namespace TetReadiness.Tests.Auth;

public sealed class ClientPrincipalParserTests
{
    [Fact]
    public void Email_comes_from_preferred_username_and_roles_from_the_roles_claim()
    {
        Assert.True(ClientPrincipalParser.TryParse(Principals.Header("Officer@Ba-Dinh.INVALID", "coordinator"), out var principal));

        Assert.Equal("officer@ba-dinh.invalid", principal.Email);
        Assert.Equal(["coordinator"], principal.Roles);
        Assert.Equal("aad", principal.IdentityProvider);
        Assert.Equal("Nguyễn Thị Bình", principal.Name);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("emails")]
    [InlineData("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress")]
    public void Email_is_also_read_from_the_other_email_claims(string claimType)
    {
        var json = $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","claims":[{"typ":"{{claimType}}","val":"a@b.invalid"},{"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"coordinator"}]}""";

        Assert.True(ClientPrincipalParser.TryParse(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), out var principal));
        Assert.Equal("a@b.invalid", principal.Email);
        Assert.Equal(["coordinator"], principal.Roles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !!!")]
    [InlineData("bnVsbA==")]
    [InlineData("eyJjbGFpbXMiOiJub3QgYW4gYXJyYXkifQ==")]
    [InlineData("eyJjbGFpbXMiOltdfQ==")]
    [InlineData("eyJjbGFpbXMiOlt7InR5cCI6InByZWZlcnJlZF91c2VybmFtZSIsInZhbCI6Im5vdC1hbi1lbWFpbCJ9XX0=")]
    public void Malformed_principals_are_refused(string header)
    {
        Assert.False(ClientPrincipalParser.TryParse(header, out _));
    }
}
