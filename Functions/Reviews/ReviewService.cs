using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Reviews;

/// <summary>
/// Reviews a unit's report: accept (the lock) or return, reopen, and the unit's request to reopen. Every transition is
/// a row of <c>Reviews</c> (the source of truth); an accept or return is linearized with submissions by a guard at the
/// number after the newest revision (<see cref="RevisionGuard"/>), so "accept revision N" and "commit revision N+1"
/// cannot both win. Refusals come in the order of the API: 401, 400 ids, 404 unit, 403, 404 campaign, body, 409.
/// </summary>
public sealed class ReviewService(
    CampaignService campaigns,
    IUnitDirectory roster,
    CoordinatorDirectory coordinators,
    ReviewStore store,
    IReviewLocks locks,
    IReviewNotices notices,
    TimeProvider clock,
    ILogger<ReviewService> logger)
{
    private const int MaxAttempts = 10;

    /// <summary>How long a review may take between placing its guard and recording its row: half the guard's grace.</summary>
    private static readonly TimeSpan GuardBudget = ProjectionRepairService.Grace / 2;

    /// <summary>Accepts or returns the current revision, by a coordinator of the unit.</summary>
    public async Task<ReviewView> ReviewAsync(Caller caller, string campaignId, string unitId, Func<CancellationToken, Task<ReviewRequest>> readBody, CancellationToken cancellationToken)
    {
        var (campaign, unit) = await ResolveCoordinatorAsync(caller, campaignId, unitId, cancellationToken);
        var (decision, revision, comment) = ReviewRules.ReadReview(await readBody(cancellationToken));

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var (rows, top) = await ReadAsync(campaignId, unitId, cancellationToken);
            var newest = rows.FirstOrDefault();
            var replacing = top.Above;
            if (top.Guard is { } standing)
            {
                switch (ReviewGuardRule.Judge(standing, ReviewRules.Standing(rows), now))
                {
                    case GuardStanding.Lock:
                        throw Refusal.Conflict(c => c.ReportAlreadyAccepted());
                    case GuardStanding.InFlight:
                        throw Refusal.Conflict(c => c.ReportBeingReviewed());
                }
            }

            var step = ReviewRules.Review(decision, revision, top.Latest, newest, campaign, now);
            var guard = new RevisionGuard(step.Revision + 1, step.Revision, step.Sequence, step.Decision, now);
            if (await locks.TryPlaceGuardAsync(campaignId, unitId, guard, replacing, cancellationToken) is not { } placed)
            {
                // A revision (or another review, or a repair renewing its fence) took the number: read again and decide again.
                continue;
            }

            var transition = Transition(campaignId, unit, step, comment, caller, now);

            // A guard older than the grace is stale to everyone else (a writer or the repair may replace it): a review
            // slowed that long by storage gives up before it records anything, rather than record what it cannot hold.
            if (clock.GetUtcNow() - now > GuardBudget || !await store.TryAppendAsync(transition, cancellationToken))
            {
                await locks.TryRemoveGuardAsync(campaignId, unitId, guard.Revision, placed, cancellationToken);
                throw Refusal.Conflict(c => c.ReportBeingReviewed());
            }

            // An accept's guard stays, rewritten as recorded: it is the lock. A return's goes. Either fails only when a
            // writer replaced the guard, having found it stale. A revision that took the number is newer, so the review
            // did not take (the log's row reads as submitted then); a fence (the repair) took it: the lock goes back.
            var held = decision == ReviewDecisions.Accepted
                ? await locks.TryConfirmGuardAsync(campaignId, unitId, guard, placed, cancellationToken) is not null
                    || await RelockAsync(campaignId, unitId, guard, cancellationToken)
                : await locks.TryRemoveGuardAsync(campaignId, unitId, guard.Revision, placed, cancellationToken)
                    || (await locks.ReadTopAsync(campaignId, unitId, cancellationToken)).Latest == guard.ReviewedRevision;
            if (!held)
            {
                logger.LogWarning("Review {Sequence} of {CampaignId}/{UnitId} lost its guard to revision {Revision}", step.Sequence, campaignId, unitId, guard.Revision);
                throw Refusal.Conflict(c => c.ReviewRevisionStale(revision, guard.Revision));
            }

            logger.LogInformation("Review {CampaignId}/{UnitId} revision {Revision}: {Decision} (sequence {Sequence})", campaignId, unitId, step.Revision, step.Decision, step.Sequence);
            await FinishAsync(transition, [transition, .. rows], unit.DistrictId, cancellationToken);
            return ReviewView.Of(transition);
        }

        throw Refusal.Conflict(c => c.ReportBeingReviewed());
    }

    /// <summary>
    /// Puts back the lock of an accept already recorded whose guard a fence replaced, while no revision took its
    /// number; false once one did (the recorded accept then reads as superseded by that revision).
    /// </summary>
    private async Task<bool> RelockAsync(string campaignId, string unitId, RevisionGuard guard, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var top = await locks.ReadTopAsync(campaignId, unitId, cancellationToken);
            if (top.Latest != guard.ReviewedRevision)
            {
                return false;
            }

            var relocked = guard with { PlacedAt = clock.GetUtcNow(), Recorded = true };
            if (await locks.TryPlaceGuardAsync(campaignId, unitId, relocked, top.Above, cancellationToken) is not null)
            {
                logger.LogWarning("Review {Sequence} of {CampaignId}/{UnitId}: the lock a fence replaced is back", guard.Sequence, campaignId, unitId);
                return true;
            }
        }

        return false;
    }

    /// <summary>Reopens an accepted report (state returned), by a coordinator of the unit.</summary>
    public async Task<ReviewView> ReopenAsync(Caller caller, string campaignId, string unitId, Func<CancellationToken, Task<ReopenRequest>> readBody, CancellationToken cancellationToken)
    {
        var (campaign, unit) = await ResolveCoordinatorAsync(caller, campaignId, unitId, cancellationToken);
        var comment = ReviewRules.ReadText((await readBody(cancellationToken)).Comment, ReviewRules.MaxCommentLength, "comment");
        var now = clock.GetUtcNow();
        var (rows, top) = await ReadAsync(campaignId, unitId, cancellationToken);
        var step = ReviewRules.Reopen(rows.FirstOrDefault(), top.Latest, campaign, now);
        var transition = await AppendAsync(Transition(campaignId, unit, step, comment, caller, now), cancellationToken);

        // The lock goes; one left behind (a fault here) is stale from now on, and the next writer replaces it.
        if (top.Guard is { } lockGuard && top.Above is { } etag && lockGuard.Sequence < transition.Sequence)
        {
            await locks.TryRemoveGuardAsync(campaignId, unitId, lockGuard.Revision, etag, cancellationToken);
        }

        logger.LogInformation("Review {CampaignId}/{UnitId} revision {Revision} reopened (sequence {Sequence})", campaignId, unitId, step.Revision, step.Sequence);
        await FinishAsync(transition, [transition, .. rows], unit.DistrictId, cancellationToken);
        return ReviewView.Of(transition);
    }

    /// <summary>Asks to reopen an accepted report, by a writer of the unit (an officer or a link holder).</summary>
    public async Task<ReviewView> RequestReopenAsync(Caller caller, string campaignId, string unitId, Func<CancellationToken, Task<ReopenRequest>> readBody, CancellationToken cancellationToken)
    {
        var (campaign, unit) = await ResolveAsync(caller, campaignId, unitId, Access.Write, cancellationToken);
        var reason = ReviewRules.ReadText((await readBody(cancellationToken)).Reason, ReviewRules.MaxReasonLength, "reason");
        var now = clock.GetUtcNow();
        var (rows, top) = await ReadAsync(campaignId, unitId, cancellationToken);
        var step = ReviewRules.RequestReopen(rows.FirstOrDefault(), top.Latest, campaign, now);
        var transition = await AppendAsync(Transition(campaignId, unit, step, reason, caller, now), cancellationToken);
        logger.LogInformation("Reopen of {CampaignId}/{UnitId} revision {Revision} requested via {Via} (sequence {Sequence})", campaignId, unitId, step.Revision, caller.Via, step.Sequence);
        await FinishAsync(transition, [transition, .. rows], unit.DistrictId, cancellationToken);
        return ReviewView.Of(transition);
    }

    /// <summary>The unit's transitions, newest first, for whoever may read the unit's reports.</summary>
    public async Task<IReadOnlyList<ReviewHistoryEntry>> ListAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken)
    {
        await ResolveAsync(caller, campaignId, unitId, Access.Read, cancellationToken);
        return (await store.ReadUnitAsync(campaignId, unitId, cancellationToken)).Select(ReviewHistoryEntry.Of).ToList();
    }

    /// <summary>
    /// Copies the new standing onto the unit's row and queues the notice: both after the transition is recorded, and
    /// both healed by <see cref="ReviewRepairService"/> when storage fails here, so the answer stays the transition's.
    /// </summary>
    private async Task FinishAsync(ReviewTransition transition, IReadOnlyList<ReviewTransition> newestFirst, string districtId, CancellationToken cancellationToken)
    {
        try
        {
            await locks.WriteReviewCopyAsync(transition.CampaignId, districtId, transition.UnitId, ReviewRules.Standing([.. newestFirst.Take(ReviewRules.StandingDepth)])!, cancellationToken);
            switch (transition.Decision)
            {
                case ReviewDecisions.Returned or ReviewDecisions.Reopened:
                    await notices.NotifyReturnedAsync(transition, cancellationToken);
                    break;
                case ReviewDecisions.ReopenRequested:
                    await notices.NotifyReopenRequestedAsync(transition, cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (StorageFaults.IsUnavailable(exception))
        {
            logger.LogWarning(exception, "Review {Sequence} of {CampaignId}/{UnitId} recorded; its copy or notice is left to the repair", transition.Sequence, transition.CampaignId, transition.UnitId);
        }
    }

    private async Task<ReviewTransition> AppendAsync(ReviewTransition transition, CancellationToken cancellationToken) =>
        await store.TryAppendAsync(transition, cancellationToken) ? transition : throw Refusal.Conflict(c => c.ReportBeingReviewed());

    private async Task<(IReadOnlyList<ReviewTransition> Rows, RevisionTop Top)> ReadAsync(string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var rows = store.ReadNewestAsync(campaignId, unitId, ReviewRules.StandingDepth, cancellationToken);
        var top = locks.ReadTopAsync(campaignId, unitId, cancellationToken);
        return (await rows, await top);
    }

    private static ReviewTransition Transition(string campaignId, RosterUnit unit, ReviewStep step, string? comment, Caller caller, DateTimeOffset now) =>
        new(campaignId, unit.UnitId, unit.UnitName, unit.DistrictId, unit.DistrictName, step.Sequence, step.Revision, step.FromState, step.ToState,
            step.Decision, comment, caller.Identity, caller.Via, now);

    private Task<(Campaign Campaign, RosterUnit Unit)> ResolveCoordinatorAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken) =>
        ResolveAsync(caller, campaignId, unitId, Access.Review, cancellationToken);

    /// <summary>
    /// 401, 400 for an id that cannot be a key, 404 for a unit not in the roster (a writer needs an active one), 403,
    /// then 404 for the campaign (and, for a reader who does not coordinate the unit, one that has not opened yet).
    /// </summary>
    private async Task<(Campaign Campaign, RosterUnit Unit)> ResolveAsync(Caller caller, string campaignId, string unitId, Access access, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireIdentity(caller);
        if (!Ids.IsValid(unitId))
        {
            throw Refusal.InvalidId(IdKind.Unit, "unitId");
        }

        if (!Ids.IsValid(campaignId))
        {
            throw Refusal.InvalidId(IdKind.Campaign, "campaignId");
        }

        var unit = await roster.GetUnitAsync(unitId, cancellationToken);
        if (access == Access.Write && unit is not null && caller.Link is not null && !AccessPolicy.IsOfficer(caller, unit))
        {
            // As a submission through a link: the generation is checked in storage, so a revoked link is refused at once.
            unit = await roster.ReadUnitAsync(unitId, cancellationToken);
        }

        if (unit is null || (access == Access.Write && !unit.Active))
        {
            throw Refusal.NotFound(c => c.UnknownOrInactiveUnit(unitId));
        }

        var districts = await coordinators.DistrictsOfAsync(caller.Email, cancellationToken);
        var coordinates = caller.IsCityCoordinator || districts.Contains(unit.DistrictId);
        switch (access)
        {
            case Access.Write:
                AccessPolicy.RequireWrite(caller, campaignId, unit);
                break;
            case Access.Read:
                AccessPolicy.RequireRead(caller, campaignId, unit, districts);
                break;
            default:
                if (!coordinates)
                {
                    throw Refusal.Forbidden(c => c.MayNotReviewUnit());
                }

                break;
        }

        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        if (clock.GetUtcNow() < campaign.OpensAt && !AccessPolicy.MaySeeUnitReports(caller, coordinates, campaignHasOpened: false))
        {
            throw CampaignService.Unknown(campaignId);
        }

        return (campaign, unit);
    }

    private enum Access
    {
        Read,
        Write,
        Review,
    }
}
