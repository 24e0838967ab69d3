using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>The setting that named the attempts before the outbox took them from host.json.</summary>
    private const string RetiredMaxSendAttempts = "Reminders:MaxSendAttempts";

    /// <summary>
    /// The reminder scan (<c>ReminderScan</c>), a coordinator's reminder now (<c>RemindUnit</c>), reminders as a kind of
    /// outbox message (<c>SendReminder</c>), and the <c>Reminders</c> and <c>ManualReminders</c> tables.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOwnedTables("Reminders", ReminderTables.All);
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReminderScanService>();
        services.AddSingleton<ReminderHistoryStore>();
        services.AddSingleton<ManualReminderMarks>();
        services.AddSingleton<ManualReminderService>();
        services.AddOutboxKind<ReminderOutboxKind, ReminderStore, ReminderEntity, ReminderMessage>();

        // A city that set the old setting to something else than the host's maxDequeueCount would now get another
        // number of attempts without noticing: the app refuses to start and says so.
        services.AddOptions<OutboxOptions>().Validate<IConfiguration>(
            (outbox, settings) => settings[RetiredMaxSendAttempts] is not { Length: > 0 } retired
                || retired.Trim() == outbox.MaxSendAttempts.ToString(CultureInfo.InvariantCulture),
            "Reminders__MaxSendAttempts is no longer read, and it differs from the attempts the outbox uses: host.json extensions.queues.maxDequeueCount "
            + "(or the app setting AzureFunctionsJobHost__extensions__queues__maxDequeueCount), how often the host delivers a message before it poisons it. "
            + "Remove Reminders__MaxSendAttempts, and change maxDequeueCount if another number of attempts is wanted.");
        return services;
    }
}
