using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Messages;
using TetReadiness.Time;

namespace TetReadiness.Deadlines;

/// <summary>Checks a deadline grant against its campaign: not earlier than the campaign's deadline, not after it closes, with a reason. No I/O.</summary>
public static class UnitDeadlineValidator
{
    public const int MaxReasonLength = 500;

    public static (DateTimeOffset Deadline, string Reason, IReadOnlyDictionary<string, IReadOnlyList<Message>> Errors) Validate(UnitDeadlineRequest request, Campaign campaign)
    {
        var errors = new Dictionary<string, IReadOnlyList<Message>>();
        DateTimeOffset deadline = default;
        if (string.IsNullOrWhiteSpace(request.Deadline))
        {
            errors["deadline"] = [c => c.FieldRequired()];
        }
        else if (!VietnamTime.TryParseCampaignTime(request.Deadline, out deadline))
        {
            errors["deadline"] = [c => c.IsoTimeRequired()];
        }
        else if (deadline < campaign.Deadline)
        {
            var campaignDeadline = VietnamTime.Format(campaign.Deadline);
            errors["deadline"] = [c => c.UnitDeadlineBeforeCampaignDeadline(campaignDeadline)];
        }
        else if (deadline > campaign.ClosesAt)
        {
            var closesAt = VietnamTime.Format(campaign.ClosesAt);
            errors["deadline"] = [c => c.UnitDeadlineAfterClosing(closesAt)];
        }

        var reason = TextRules.Normalize(request.Reason);
        if (reason.Length == 0)
        {
            errors["reason"] = [c => c.FieldRequired()];
        }
        else if (reason.Length > MaxReasonLength || TextRules.HasControlCharacters(reason, allowLineBreaks: true))
        {
            errors["reason"] = [c => c.ReasonInvalid(MaxReasonLength)];
        }

        return (deadline, reason, errors);
    }
}
