using TetReadiness.Time;

namespace TetReadiness.Deadlines;

/// <summary>
/// A unit's deadline as the API shows it (Vietnam time): <see cref="Deadline"/> is the one that counts, its own when
/// <see cref="Extended"/>, else the campaign's; the grant's reason, author and time while it has one.
/// </summary>
public sealed record UnitDeadlineView(
    DateTimeOffset Deadline,
    DateTimeOffset CampaignDeadline,
    bool Extended,
    string? Reason,
    string? GrantedBy,
    DateTimeOffset? GrantedAt)
{
    public static UnitDeadlineView Of(DateTimeOffset campaignDeadline, UnitDeadline? granted)
    {
        var deadline = CampaignDeadlines.Of(campaignDeadline, granted);
        return new UnitDeadlineView(
            VietnamTime.ToVietnam(deadline),
            VietnamTime.ToVietnam(campaignDeadline),
            deadline > campaignDeadline,
            granted?.Reason,
            granted?.GrantedBy,
            granted is null ? null : VietnamTime.ToVietnam(granted.GrantedAt));
    }
}
