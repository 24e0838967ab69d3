using Microsoft.Extensions.Logging;
using TetReadiness.Audit;
using TetReadiness.Campaigns;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Roster;
using TetReadiness.Time;

namespace TetReadiness.Deadlines;

/// <summary>
/// Grants a unit its own, later deadline, takes it back, and shows it. Grants and take-backs are the coordinators' of
/// the unit, checked in the order every unit endpoint refuses (401, 400 id, 404 unit, 403, 404 campaign, then the
/// body's 415, 413, 400, then 409), and audited. Nothing is written before every check has passed.
/// </summary>
public sealed class UnitDeadlineService(
    CoordinatedUnits units,
    CampaignService campaigns,
    UnitDeadlineStore store,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<UnitDeadlineService> logger)
{
    public async Task<(UnitDeadlineView View, bool Created)> GrantAsync(
        Caller caller, string campaignId, string unitId, Func<CancellationToken, Task<UnitDeadlineRequest>> readBody, CancellationToken cancellationToken)
    {
        var unit = await units.RequireCoordinatorAsync(caller, campaignId, unitId, activeOnly: true, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var request = await readBody(cancellationToken);
        var (deadline, reason, errors) = UnitDeadlineValidator.Validate(request, campaign);
        if (errors.Count > 0)
        {
            throw Refusal.InvalidFields(errors);
        }

        var now = clock.GetUtcNow();
        RequireNotClosed(campaign, now);
        var previous = await store.FindAsync(campaignId, unitId, cancellationToken);
        var granted = new UnitDeadline(unitId, deadline, reason, caller.Identity, now, unit.DistrictId, unit.UnitName);
        await store.SaveAsync(campaignId, granted, cancellationToken);
        logger.LogInformation("Deadline of {CampaignId}/{UnitId} set to {Deadline} (campaign's {CampaignDeadline})", campaignId, unitId, deadline, campaign.Deadline);
        await audit.RecordAsync(
            caller, "deadline.put", $"{campaignId}/{unitId}",
            $"deadline {deadline.ToUniversalTime():O} (campaign {campaign.Deadline.ToUniversalTime():O}, was {CampaignDeadlines.Of(campaign.Deadline, previous).ToUniversalTime():O}); reason: {reason}",
            cancellationToken);
        return (UnitDeadlineView.Of(campaign.Deadline, granted), previous is null);
    }

    /// <summary>Back to the campaign's deadline; 404 when the unit has none of its own.</summary>
    public async Task<UnitDeadlineView> RevokeAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken)
    {
        await units.RequireCoordinatorAsync(caller, campaignId, unitId, activeOnly: false, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        RequireNotClosed(campaign, clock.GetUtcNow());
        var previous = await store.FindAsync(campaignId, unitId, cancellationToken);
        if (previous is null || !await store.DeleteAsync(campaignId, unitId, cancellationToken))
        {
            throw Refusal.NotFound(c => c.NoUnitDeadline());
        }

        logger.LogInformation("Deadline of {CampaignId}/{UnitId} back to the campaign's {CampaignDeadline}", campaignId, unitId, campaign.Deadline);
        await audit.RecordAsync(
            caller, "deadline.delete", $"{campaignId}/{unitId}",
            $"deadline back to the campaign's {campaign.Deadline.ToUniversalTime():O} (was {previous.Deadline.ToUniversalTime():O})", cancellationToken);
        return UnitDeadlineView.Of(campaign.Deadline, null);
    }

    /// <summary>
    /// For the unit's readers: its officers and link holders, and its coordinators. A campaign that has not opened yet
    /// is unknown to officers and link holders, as their reports are (<see cref="AccessPolicy.MaySeeUnitReports"/>). One point read.
    /// </summary>
    public async Task<UnitDeadlineView> GetAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var (_, coordinates) = await units.RequireReaderAsync(caller, campaignId, unitId, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        if (clock.GetUtcNow() < campaign.OpensAt && !AccessPolicy.MaySeeUnitReports(caller, coordinates, campaignHasOpened: false))
        {
            throw CampaignService.Unknown(campaignId);
        }

        return UnitDeadlineView.Of(campaign.Deadline, await store.FindAsync(campaignId, unitId, cancellationToken));
    }

    /// <summary>Once a campaign has closed nobody reports, so no deadline of its can change.</summary>
    private static void RequireNotClosed(Campaign campaign, DateTimeOffset now)
    {
        if (campaign.IsClosedAt(now))
        {
            var closedAt = VietnamTime.Format(campaign.ClosesAt);
            throw Refusal.Conflict(c => c.CampaignClosed(closedAt));
        }
    }
}
