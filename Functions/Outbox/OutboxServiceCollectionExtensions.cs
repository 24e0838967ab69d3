using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TetReadiness.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The outbox's attempts (from host.json, checked when the app starts) and the poison re-drive. Each kind
    /// registers itself with <see cref="AddOutboxKind"/>, each channel with <see cref="AddOutboxChannel"/>.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>()
            .Configure<IConfiguration>((options, configuration) => options.MaxSendAttempts = HostJsonQueues.MaxDequeueCount(configuration, HostJsonQueues.DefaultPath))
            .ValidateOnStart();
        services.AddSingleton<PoisonRedriveService>();
        return services;
    }

    /// <summary>A kind of message: its content and policy, its store, and the outbox that sends it.</summary>
    public static IServiceCollection AddOutboxKind<TKind, TStore, TRow, TMessage>(this IServiceCollection services)
        where TKind : class, IOutboxKind<TRow, TMessage>
        where TStore : class, IOutboxStore<TRow, TMessage>
        where TRow : class, IOutboxRow
    {
        services.TryAddSingleton<TKind>();
        services.TryAddSingleton<TStore>();
        services.AddSingleton<IOutboxKind<TRow, TMessage>>(sp => sp.GetRequiredService<TKind>());
        services.AddSingleton<IOutboxStore<TRow, TMessage>>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<MessageOutbox<TRow, TMessage>>();
        services.AddSingleton<IOutboxQueue>(sp => sp.GetRequiredService<MessageOutbox<TRow, TMessage>>());
        return services;
    }

    /// <summary>A channel messages can go out through (see <see cref="IOutboxChannel"/>).</summary>
    public static IServiceCollection AddOutboxChannel<TChannel>(this IServiceCollection services)
        where TChannel : class, IOutboxChannel
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxChannel, TChannel>());
        return services;
    }
}
