using System.Text;
using System.Text.Json;
using TetReadiness.Reminders;

namespace TetReadiness.Tests.Reminders;

public sealed class ReminderQueuePayloadTests
{
    [Fact]
    public void Reminders_are_packed_up_to_the_count_in_order_and_read_back_unchanged()
    {
        var reminders = Enumerable.Range(0, 37).Select(i => Reminder($"u-{i:000}", ["a@x.invalid"])).ToList();

        var messages = ReminderQueuePayload.Pack(reminders, perMessage: 16).ToList();

        Assert.Equal([16, 16, 5], messages.Select(m => m.Reminders.Count));
        var readBack = messages.SelectMany(m => ReminderQueuePayload.Parse(m.Json)).ToList();
        Assert.Equal(reminders.Select(r => r.UnitId), readBack.Select(r => r.UnitId));
        Assert.Equal(reminders.Select(r => r.IdempotencyKey), readBack.Select(r => r.IdempotencyKey));
        Assert.All(readBack, r => Assert.Equal(["a@x.invalid"], r.Recipients));
    }

    [Fact]
    public void A_message_never_outgrows_the_queue_limit_however_long_the_recipient_lists()
    {
        var longList = Enumerable.Range(0, 120).Select(i => $"can-bo-{i:000}@phuong-rat-dai-ten.hanoi.invalid").ToList();
        var reminders = Enumerable.Range(0, 40).Select(i => Reminder($"u-{i:000}", longList)).ToList();

        var messages = ReminderQueuePayload.Pack(reminders, perMessage: 32).ToList();

        Assert.True(messages.Count > 2);
        Assert.All(messages, m => Assert.True(Convert.ToBase64String(Encoding.UTF8.GetBytes(m.Json)).Length <= 64 * 1024, "over the 64 KiB queue message limit"));
        Assert.Equal(40, messages.Sum(m => m.Reminders.Count));
    }

    [Fact]
    public void A_single_reminder_at_the_top_level_a_format_that_never_shipped_is_refused()
    {
        var json = JsonSerializer.Serialize(Reminder("u-1", ["a@x.invalid"]), TetReadiness.Http.ApiJson.Options);

        Assert.ThrowsAny<JsonException>(() => ReminderQueuePayload.Parse(json));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"reminders\":[]}")]
    [InlineData("{\"reminders\":[{\"campaignId\":\"tet-2024\"}]}")]
    [InlineData("{\"campaignId\":\"tet-2024\",\"unitId\":\"\",\"checkpoint\":\"deadline\"}")]
    public void Anything_else_is_refused_so_the_message_ends_in_the_poison_queue(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ReminderQueuePayload.Parse(json));
    }

    private static ReminderMessage Reminder(string unitId, List<string> recipients) => new()
    {
        CampaignId = "tet-2024",
        UnitId = unitId,
        Checkpoint = "deadline",
        Kind = "deadline",
        Recipients = recipients,
        IdempotencyKey = $"tet-2024|{unitId}|deadline",
    };
}
