namespace TetReadiness.Auth;

/// <summary>Who is calling: a signed-in principal (Easy Auth), the holder of a unit link, or nobody.</summary>
public sealed record Caller(ClientPrincipal? Principal, UnitLink? Link, string? LinkRefusal, string? SourceIp = null)
{
    public const string CoordinatorRole = "coordinator";

    public static Caller Anonymous { get; } = new(null, null, null);

    public bool IsAuthenticated => Principal is not null || Link is not null;

    public string? Email => Principal?.Email;

    public bool IsCityCoordinator => Principal?.Roles.Contains(CoordinatorRole, StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>How the caller is named in revisions and the audit log (never the token itself).</summary>
    public string Identity => Principal?.Email ?? Principal?.Name ?? (Link is not null ? $"link:{Link.CampaignId}/{Link.UnitId}" : "anonymous");
}
