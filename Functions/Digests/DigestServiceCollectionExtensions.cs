using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// The daily digest: planning and queueing (<c>DailyDigest</c>), digests as a kind of outbox message composed when
    /// they are sent (<c>SendDigest</c>), and the <c>Digests</c> and <c>StatusSnapshots</c> tables.
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOwnedTables("Digests", DigestTables.All);
        services.AddSingleton<StatusSnapshotStore>();
        services.AddSingleton<CampaignActivityStore>();
        services.AddSingleton<DailyDigestService>();
        services.AddSingleton<DigestComposer>();
        services.AddOutboxKind<DigestOutboxKind, DigestStore, DigestEntity, DigestMessage>();
        return services;
    }
}
