namespace TetReadiness.Auth;

/// <summary>Settings under <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Trust <c>X-MS-CLIENT-PRINCIPAL</c> without Easy Auth in front. Only for local runs and tests (./run.sh sets it);
    /// the Azure template never does. In Azure the header is trusted when the platform says authentication is on.
    /// </summary>
    public bool AllowClientPrincipalHeader { get; set; }
}
