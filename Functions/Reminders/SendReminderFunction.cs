using Microsoft.Azure.Functions.Worker;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Reminders;

public sealed class SendReminderFunction(MessageOutbox<ReminderEntity, ReminderMessage> outbox)
{
    /// <summary>
    /// One message carries several reminders (<see cref="ReminderQueuePayload"/>). A failure throws, so the queue
    /// retries per host.json and finally moves the message to reminders-poison; what was already sent is not sent again.
    /// </summary>
    [Function("SendReminder")]
    public Task Run([QueueTrigger(QueueNames.Reminders, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        outbox.SendAsync(message, cancellationToken);
}
