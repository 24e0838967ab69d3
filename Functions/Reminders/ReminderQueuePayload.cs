using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TetReadiness.Outbox;

namespace TetReadiness.Reminders;

/// <summary>
/// The JSON on queue <c>reminders</c>: <c>{"reminders":[…]}</c>, up to <see cref="ReminderOptions.RemindersPerMessage"/>
/// reminders of one scan per message. Packing them cuts the queue work per reminder (enqueue, dequeue, delete) by
/// that factor, which shortens the scan and leaves the queue to the senders; each reminder keeps its own
/// <c>Reminders</c> row, so a retried message sends only what is not yet sent.
/// </summary>
public static class ReminderQueuePayload
{
    /// <summary>UTF-8 bytes per message at most: Base64 makes 64,000 characters of it, under the queue's 64 KiB.</summary>
    public const int MaxBytes = 48_000;

    public static IEnumerable<(string Json, IReadOnlyList<ReminderMessage> Reminders)> Pack(IEnumerable<ReminderMessage> reminders, int perMessage)
    {
        var limit = Math.Max(1, perMessage);
        var chunk = new List<ReminderMessage>();
        var items = new List<string>();
        var bytes = 0;
        foreach (var reminder in reminders)
        {
            // Each reminder is serialized once: its size decides the cut, its text goes into the message.
            var item = JsonSerializer.Serialize(reminder, OutboxJson.Options);
            var size = Encoding.UTF8.GetByteCount(item) + 1;
            if (chunk.Count > 0 && (chunk.Count == limit || bytes + size > MaxBytes - 32))
            {
                yield return (Wrap(items), chunk);
                chunk = [];
                items = [];
                bytes = 0;
            }

            chunk.Add(reminder);
            items.Add(item);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return (Wrap(items), chunk);
        }
    }

    public static string Serialize(IReadOnlyList<ReminderMessage> reminders) =>
        Wrap(reminders.Select(r => JsonSerializer.Serialize(r, OutboxJson.Options)));

    private static string Wrap(IEnumerable<string> items) => "{\"reminders\":[" + string.Join(',', items) + "]}";

    /// <summary>The reminders of one message; throws <see cref="JsonException"/> for anything else, so the message ends in the poison queue.</summary>
    public static IReadOnlyList<ReminderMessage> Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A reminders message is a JSON object.");
        var reminders = root["reminders"] is JsonArray packed
            ? packed.Deserialize<List<ReminderMessage>>(OutboxJson.Options) ?? []
            : throw new JsonException("A reminders message holds its reminders in \"reminders\".");
        if (reminders.Count == 0 || reminders.Any(r => r is null || string.IsNullOrEmpty(r.CampaignId) || string.IsNullOrEmpty(r.UnitId) || string.IsNullOrEmpty(r.Checkpoint)))
        {
            throw new JsonException("Every reminder needs campaignId, unitId and checkpoint.");
        }

        return reminders;
    }
}
