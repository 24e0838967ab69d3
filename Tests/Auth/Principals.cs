using System.Text;
using System.Text.Json;

namespace TetReadiness.Tests.Auth;

/// <summary>X-MS-CLIENT-PRINCIPAL values as Easy Auth writes them.</summary>
public static class Principals
{
    public static string Header(string? email, params string[] roles)
    {
        var claims = new List<object>();
        if (email is not null)
        {
            claims.Add(new { typ = "preferred_username", val = email });
            claims.Add(new { typ = "name", val = "Nguyễn Thị Bình" });
        }

        claims.AddRange(roles.Select(r => (object)new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public static string CityCoordinator => Header("sonoivu@hanoi.invalid", "coordinator");

    public static string Officer(string email) => Header(email);
}
