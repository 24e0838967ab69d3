using TetReadiness.Messages;

namespace TetReadiness.Identity;

/// <summary>Who is calling: a signed-in principal (Easy Auth), the holder of a unit link, or nobody.</summary>
public sealed record Caller(ClientPrincipal? Principal, UnitLink? Link, Message? LinkRefusal, string? SourceIp = null)
{
    public const string CoordinatorRole = "coordinator";

    public static Caller Anonymous { get; } = new(null, null, null);

    /// <summary>The app itself (demo seeding, maintenance): never produced from a request.</summary>
    public static Caller System { get; } = new(null, null, null) { IsSystem = true };

    public bool IsSystem { get; private init; }

    public bool IsAuthenticated => IsSystem || Principal is not null || Link is not null;

    public string? Email => Principal?.Email;

    public bool IsCityCoordinator => IsSystem || Principal?.Roles.Contains(CoordinatorRole, StringComparer.OrdinalIgnoreCase) == true;

    /// <summary>How the caller is named in revisions and the audit log (never the token itself).</summary>
    public string Identity => IsSystem ? "system" : Principal?.Email ?? Principal?.Name ?? (Link is not null ? $"link:{Link.CampaignId}/{Link.UnitId}" : "anonymous");

    /// <summary>How the caller came in, as revisions and the audit log record it: <c>system</c>, <c>entra</c> or <c>link</c>.</summary>
    public string Via => IsSystem ? "system" : Principal is not null ? "entra" : "link";
}
