using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>The daily digest: planning and queueing (<c>DailyDigest</c>), composing and sending (<c>SendDigest</c>).</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOwnedTables("Digests", DigestTables.All);
        services.AddSingleton<DigestStore>();
        services.AddSingleton<StatusSnapshotStore>();
        services.AddSingleton<CampaignActivityStore>();
        services.AddSingleton<DailyDigestService>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<IOutboxKind, DigestOutboxKind>();
        return services;
    }
}
