using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Reminders;

public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOwnedTables("Reminders", ReminderTables.All);
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.SectionName));
        services.AddSingleton<ReminderScanService>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<ReminderHistoryStore>();
        services.AddSingleton<IOutboxKind, ReminderOutboxKind>();
        return services;
    }
}
