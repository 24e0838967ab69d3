using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;
using TetReadiness.Digests;
using TetReadiness.Storage;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Digests;

/// <summary>What the digest delivery tests share: the messages a run queued, and a SendGrid that accepts and records.</summary>
public static class DigestTestQueue
{
    /// <summary>Takes every message off the digests queue, as a sender would receive them.</summary>
    public static async Task<List<DigestMessage>> DrainAsync(AzuriteServer azurite)
    {
        var queue = new QueueClient(azurite.ConnectionString, QueueNames.Digests, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = new List<DigestMessage>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var received in batch)
            {
                messages.Add(JsonSerializer.Deserialize<DigestMessage>(received.Body.ToString(), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);
                await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
            }
        }

        return messages;
    }

    /// <summary>A SendGrid client that accepts every email and records its recipient.</summary>
    public static (Mock<ISendGridClient> Client, ConcurrentBag<string> SentTo) SendGridAccepting()
    {
        var sentTo = new ConcurrentBag<string>();
        var client = new Mock<ISendGridClient>();
        client.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .Callback<SendGridMessage, CancellationToken>((m, _) => sentTo.Add(m.Personalizations.Single().Tos[0].Email))
            .ReturnsAsync(new Response(HttpStatusCode.Accepted, new StringContent(string.Empty), null));
        return (client, sentTo);
    }
}
