namespace TetReadiness.Identity;

/// <summary>Settings under <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Trust <c>X-MS-CLIENT-PRINCIPAL</c> without Easy Auth in front. Only for a developer's machine and tests (./run.sh
    /// sets it); the Azure template never does, and in Azure the app refuses it (<see cref="PrincipalHeaderTrust"/>).
    /// </summary>
    public bool AllowClientPrincipalHeader { get; set; }
}
