using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>The identity headers a request carries, named for who sends them.</summary>
public static class AsCaller
{
    public const string CityCoordinatorEmail = "sonoivu@hanoi.invalid";
    public const string LinkHeaderName = "X-Unit-Link";

    /// <summary>No principal and no link.</summary>
    public static Dictionary<string, string> Nobody => new() { [HttpCall.PrincipalHeader] = HttpCall.Anonymous };

    /// <summary>App role <c>coordinator</c> and officer of no unit.</summary>
    public static Dictionary<string, string> CityCoordinator => Principal(CityCoordinatorEmail, "coordinator");

    public static Dictionary<string, string> Principal(string? email, params string[] roles) =>
        new() { [HttpCall.PrincipalHeader] = HttpCall.Principal(email, roles) };

    public static Dictionary<string, string> RawPrincipal(string header) => new() { [HttpCall.PrincipalHeader] = header };

    public static Dictionary<string, string> LinkHeader(string token) => new() { [HttpCall.PrincipalHeader] = HttpCall.Anonymous, [LinkHeaderName] = token };
}
