using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Links;

public static class LinkServiceCollectionExtensions
{
    /// <summary>Unit links: minting, listing and revoking them, and the link a reminder carries.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services)
    {
        services.AddSingleton<UnitLinkService>();
        return services;
    }
}
