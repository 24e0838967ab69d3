using System.Text.Json;
using Microsoft.Extensions.Options;
using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Links;
using TetReadiness.Outbox;
using TetReadiness.Platform;
using TetReadiness.Roster;
using TetReadiness.Storage;

namespace TetReadiness.Reviews;

/// <summary>
/// Review notices as a kind of outbox message. Queue <c>review-notices</c> carries one per message
/// (<see cref="ReviewNoticeMessage"/>); the email is composed when it is sent, with the recipients the roster names
/// then: the unit's officers for a returned or reopened report (with the unit's own signed link), the area's
/// coordinators for a request to reopen (with the dashboard's address). A notice is worth sending only for
/// <see cref="StillDueFor"/> after its transition: one found lost or brought back by a poison re-drive later than that is
/// superseded rather than sent days late.
/// </summary>
public sealed class ReviewNoticeOutboxKind(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    UnitLinkService links,
    IUnitDeadlines deadlines,
    IOptions<AppOptions> app) : IOutboxKind<ReviewNoticeEntity, ReviewNoticeMessage>
{
    /// <summary>As long as the review repair asks again for a transition's notice.</summary>
    public static readonly TimeSpan StillDueFor = TimeSpan.FromHours(48);

    public string Name => "ReviewNotice";

    public string QueueName => QueueNames.ReviewNotices;

    public int EnqueueParallelism => 1;

    public int SendParallelism => 1;

    public ReviewNoticeMessage MessageFor(ReviewNoticeEntity row) => ReviewNoticeMessage.From(row);

    public IEnumerable<OutboxQueueMessage<ReviewNoticeEntity>> Pack(IReadOnlyList<ReviewNoticeEntity> rows) =>
        rows.Select(row => new OutboxQueueMessage<ReviewNoticeEntity>(JsonSerializer.Serialize(ReviewNoticeMessage.From(row), OutboxJson.Options), [row]));

    public IReadOnlyList<ReviewNoticeMessage> Parse(string body)
    {
        var notice = JsonSerializer.Deserialize<ReviewNoticeMessage>(body, OutboxJson.Options);
        return notice is null || string.IsNullOrEmpty(notice.CampaignId) || string.IsNullOrEmpty(notice.UnitId) || notice.Sequence < 1
            ? throw new JsonException("A review-notices message names a campaignId, a unitId and a sequence.")
            : [notice];
    }

    public string LogIdOf(ReviewNoticeMessage message) => $"{message.CampaignId}/{message.UnitId}/{message.Sequence}";

    public async Task<OutboxComposition> ComposeAsync(ReviewNoticeEntity row, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(row.CampaignId, cancellationToken);
        var unit = await roster.GetUnitAsync(row.UnitId, cancellationToken);
        if (campaign is null || unit is null)
        {
            return OutboxComposition.Nothing("Không còn chiến dịch hoặc đơn vị này. (The campaign or the unit no longer exists.)");
        }

        if (row.IsForCoordinators())
        {
            // The area the unit is in now: its coordinators are the ones who can reopen the report.
            var area = (await roster.ReadDistrictsAsync(cancellationToken)).FirstOrDefault(d => d.DistrictId == unit.DistrictId);
            return area is not { CoordinatorEmails.Count: > 0 }
                ? OutboxComposition.Nothing("Địa bàn của đơn vị chưa có email điều phối viên trong danh sách. (The unit's area has no coordinator email in the roster; city coordinators see the request on the dashboard.)")
                : OutboxComposition.Of(ReviewNoticeEmail.ReopenRequested(
                    row, area.CoordinatorEmails, campaign.Title, PublicUrls.Status(app.Value.PublicBaseUrl, campaign.CampaignId, unit.DistrictId)));
        }

        if (unit.OfficerEmails.Count == 0)
        {
            return OutboxComposition.Nothing("Đơn vị chưa có email cán bộ trong danh sách. (The unit has no officer email in the roster.)");
        }

        // The deadline the unit is held to: its own, when a coordinator granted it a later one.
        var deadline = await deadlines.ReadDeadlineAsync(campaign, unit.UnitId, cancellationToken);
        return OutboxComposition.Of(ReviewNoticeEmail.Returned(row, unit.OfficerEmails, campaign.Title, deadline, FormUrl(campaign, unit)));
    }

    public async Task<bool> IsStillDueAsync(ReviewNoticeEntity row, DateTimeOffset now, CancellationToken cancellationToken) =>
        IsStillDue(row, now) && await campaigns.FindAsync(row.CampaignId, cancellationToken) is not null;

    public string NotSentReason(OutboxSupersession why, DateTimeOffset now) => why == OutboxSupersession.Redriven
        ? "Không gửi: khi được đưa lại hàng đợi, thông báo đã quá cũ. (Re-driven more than 48 hours after its review: too late to send.)"
        : "Không gửi: khi được tìm lại, thông báo đã quá cũ. (Found lost more than 48 hours after its review: too late to send.)";

    /// <summary>Whether the transition is recent enough for its notice to be sent now.</summary>
    public static bool IsStillDue(ReviewNoticeEntity row, DateTimeOffset now) => now - row.TransitionAt <= StillDueFor;

    /// <summary>The unit's own signed link, so an officer without an Entra account opens the returned report from the email.</summary>
    private string FormUrl(Campaign campaign, RosterUnit unit) =>
        links.LinkForReminder(campaign, unit)?.Url ?? app.Value.FormUrl(campaign.CampaignId, unit.UnitId);
}
