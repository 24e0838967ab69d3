using TetReadiness.Identity;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>Callers as the resolver would produce them from a request.</summary>
public static class TestCallers
{
    public static Caller CityCoordinator { get; } = new(new ClientPrincipal("aad", "sonoivu@hanoi.invalid", "Sở Nội vụ", [Caller.CoordinatorRole]), null, null);

    public static Caller Officer(string email) => new(new ClientPrincipal("aad", email, null, []), null, null);

    public static Caller Link(string campaignId, string unitId, int generation = 0) =>
        new(null, new UnitLink(campaignId, unitId, generation, DateTimeOffset.MaxValue), null);
}
