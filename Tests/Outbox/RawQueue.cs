using System.Text;
using Azure.Storage.Queues;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Outbox;

/// <summary>A queue as the Functions host stores it (Base64 text, no SDK encoding), for tests that play the host's part.</summary>
public static class RawQueue
{
    public static QueueClient Client(AzuriteServer azurite, string queue) =>
        new(azurite.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    /// <summary>Empties the queue and returns its messages as stored.</summary>
    public static async Task<List<string>> TakeAllAsync(AzuriteServer azurite, string queueName)
    {
        var queue = Client(azurite, queueName);
        await queue.CreateIfNotExistsAsync();
        var messages = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                messages.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return messages;
    }

    /// <summary>What the Functions host does after maxDequeueCount failures: the same text, on the -poison queue.</summary>
    public static async Task PoisonAsync(AzuriteServer azurite, string queueName, string raw)
    {
        var poison = Client(azurite, queueName + "-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(raw);
    }

    public static async Task<int> CountAsync(AzuriteServer azurite, string queueName) =>
        (await Client(azurite, queueName).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public static string Decode(string raw) => Encoding.UTF8.GetString(Convert.FromBase64String(raw));
}
