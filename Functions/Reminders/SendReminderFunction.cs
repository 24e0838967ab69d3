using Microsoft.Azure.Functions.Worker;
using TetReadiness.Storage;

namespace TetReadiness.Reminders;

public sealed class SendReminderFunction(ReminderSender sender)
{
    /// <summary>A transient failure throws, so the queue retries per host.json and finally moves the message to reminders-poison.</summary>
    [Function("SendReminder")]
    public Task Run([QueueTrigger(QueueNames.Reminders, Connection = "Storage")] ReminderMessage message, CancellationToken cancellationToken) =>
        sender.SendAsync(message, cancellationToken);
}
