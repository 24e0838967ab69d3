using Microsoft.Extensions.DependencyInjection;

namespace TetReadiness.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The poison re-drive; each message kind registers itself as an <see cref="IOutboxKind"/>.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<PoisonRedriveService>();
        return services;
    }
}
