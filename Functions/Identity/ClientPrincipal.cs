namespace TetReadiness.Identity;

/// <summary>Who App Service Authentication (Easy Auth) says the caller is.</summary>
public sealed record ClientPrincipal(string IdentityProvider, string? Email, string? Name, IReadOnlyList<string> Roles);
