using System.Text.Json;
using Azure.Storage.Queues;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reminders;

/// <summary>
/// An Azurite for one test class whose tests queue reminders (queue names are fixed): its tests run one after the
/// other, each starting from an empty queue (<see cref="DrainAsync"/>).
/// </summary>
public sealed class ReminderAzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteServer.StartAsync(null);

    public async Task DisposeAsync() => await Azurite.DisposeAsync();

    /// <summary>Every reminder on the queue now (taken off it), however they were packed into messages.</summary>
    public async Task<List<JsonElement>> DrainAsync()
    {
        var queue = new QueueClient(Azurite.ConnectionString, QueueNames.Reminders, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        var reminders = new List<JsonElement>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return reminders;
            }

            foreach (var message in batch)
            {
                reminders.AddRange(JsonDocument.Parse(message.Body.ToString()).RootElement.GetProperty("reminders").EnumerateArray().Select(r => r.Clone()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
