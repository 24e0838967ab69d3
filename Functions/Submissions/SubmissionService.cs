using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Deadlines;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Roster;
using TetReadiness.Time;

namespace TetReadiness.Submissions;

/// <summary>
/// Takes a unit's checklist. Everything is checked before anything is written; then the revision is committed in
/// one batch (the commit point) and projected into the latest-state tables. Concurrent submitters each get the
/// next revision number: a lost race is retried, never lost.
/// </summary>
public sealed class SubmissionService(
    CampaignService campaigns,
    IUnitDirectory roster,
    RevisionStore revisions,
    SubmissionProjector projector,
    CoordinatorDirectory coordinators,
    IReviewLedger reviews,
    IUnitDeadlines deadlines,
    TimeProvider clock,
    ILogger<SubmissionService> logger)
{
    private const int MaxCommitAttempts = 100;

    public Task<(SubmissionReceipt Receipt, bool Created)> SubmitAsync(
        string campaignId,
        string unitId,
        Func<CancellationToken, Task<SubmissionRequest>> readBody,
        SubmissionPreconditions preconditions,
        Caller caller,
        CancellationToken cancellationToken) =>
        SubmitAsync(campaignId, unitId, readBody, () => preconditions, caller, cancellationToken);

    /// <summary>
    /// Refuses in the documented order: 401, 400 for an id that cannot be a key, 404 for the unit, 403, 404 for the
    /// campaign (<see cref="ResolveAsync"/>); then the body's 415, 413 and 400; then 400 for precondition headers
    /// that cannot be read (<paramref name="readPreconditions"/>, read here and not before, so an anonymous caller
    /// learns nothing from them) and for the answers; then 409 (not open, closed, accepted: locked) and 412.
    /// </summary>
    public async Task<(SubmissionReceipt Receipt, bool Created)> SubmitAsync(
        string campaignId,
        string unitId,
        Func<CancellationToken, Task<SubmissionRequest>> readBody,
        Func<SubmissionPreconditions> readPreconditions,
        Caller caller,
        CancellationToken cancellationToken)
    {
        var (_, unit) = await ResolveAsync(caller, campaignId, unitId, write: true, cancellationToken);
        var author = SubmissionAuthor.Of(caller);
        var request = await readBody(cancellationToken);
        var preconditions = readPreconditions();

        // The checklist the answers are validated against, the version the revision records and the time that says
        // the campaign is open all come from one read (cached), taken once the body is in: a version is sealed before
        // it can be answered, so this checklist is that version's for good, however long the body took to arrive.
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var now = clock.GetUtcNow();
        var (answers, submitter, errors) = ChecklistValidator.Validate(campaign.Checklist, request, author.RequiresSubmitter);
        var (difficulties, proposals, textErrors) = ReportTextValidator.Validate(request);
        if (errors.Count + textErrors.Count > 0)
        {
            throw Refusal.InvalidFields(errors.Concat(textErrors).ToDictionary());
        }

        if (now < campaign.OpensAt)
        {
            var opensAt = VietnamTime.Format(campaign.OpensAt);
            throw Refusal.Conflict(c => c.CampaignNotOpenYet(opensAt));
        }

        if (campaign.IsClosedAt(now))
        {
            var closedAt = VietnamTime.Format(campaign.ClosesAt);
            throw Refusal.Conflict(c => c.CampaignClosed(closedAt));
        }

        // A unit's own deadline is never earlier than the campaign's: it is read (fresh) only once the campaign's has passed.
        var deadline = now > campaign.Deadline ? await deadlines.ReadDeadlineAsync(campaign, unitId, cancellationToken) : campaign.Deadline;

        // The row as it was before this submission flagged it, and the ETag of its latest flag: a refusal after the
        // flag (the report turned out to be locked) puts the row back as it was.
        SubmissionEntity? before = null;
        Azure.ETag? marker = null;
        for (var attempt = 1; attempt <= MaxCommitAttempts; attempt++)
        {
            var (latest, top, row) = await ReadLatestAsync(campaignId, unit.DistrictId, unitId, trustProjection: attempt == 1, cancellationToken);
            if (attempt == 1)
            {
                before = row;
            }

            var fence = top?.Above;
            if (row?.ReviewState == ReviewStates.Accepted && latest is not null)
            {
                // The copy says locked: the log confirms it (one read, only then), before anything is written.
                if (await reviews.ReadStandingAsync(campaignId, unitId, cancellationToken) is { } standing && standing.LocksAt(latest.Revision))
                {
                    throw Locked(standing);
                }
            }

            // Whatever the copy said: a guard that is not stale is a lock or a review in flight, never a fence to replace.
            if (top?.Guard is { } guard)
            {
                var standing = await reviews.ReadStandingAsync(campaignId, unitId, cancellationToken);
                switch (ReviewGuardRule.Judge(guard, standing, clock.GetUtcNow()))
                {
                    case GuardStanding.Lock:
                        if (marker is { } flagged)
                        {
                            await projector.UndoPendingAsync(campaignId, unit.DistrictId, unitId, before, flagged, cancellationToken);
                        }

                        throw Locked(standing!);
                    case GuardStanding.InFlight:
                        logger.LogDebug("Revision {Revision} of {CampaignId}/{UnitId} is being reviewed; waiting (attempt {Attempt})", guard.Revision, campaignId, unitId, attempt);
                        await Task.Delay(Random.Shared.Next(5, 20 + (5 * attempt)), cancellationToken);
                        continue;
                }
            }

            if (preconditions.Check(latest?.Revision ?? 0) is { } refusal)
            {
                throw Refusal.PreconditionFailed(refusal);
            }

            var late = now > deadline;
            var revision = new Revision(
                campaignId, unitId, unit.UnitName, unit.DistrictId, unit.DistrictName,
                Number: (latest?.Revision ?? 0) + 1,
                SubmittedAt: now,
                FirstSubmittedAt: latest?.FirstSubmittedAt ?? now,
                Late: late,
                OnTime: latest?.OnTime ?? !late,
                ChecklistVersion: campaign.ChecklistVersion,
                Submitter: submitter,
                SubmittedBy: author.Identity,
                SubmittedVia: author.Via,
                Answers: answers,
                Difficulties: difficulties,
                Proposals: proposals);

            var pendingETag = await projector.MarkPendingAsync(campaignId, unit.DistrictId, unitId, revision.Number, now, cancellationToken);
            marker = pendingETag;
            if (!await revisions.TryCommitAsync(revision, fence, cancellationToken))
            {
                logger.LogDebug("Revision {Revision} of {CampaignId}/{UnitId} was taken; retrying (attempt {Attempt})", revision.Number, campaignId, unitId, attempt);
                await Task.Delay(Random.Shared.Next(5, 20 + (5 * attempt)), cancellationToken);
                continue;
            }

            logger.LogInformation("Submission {CampaignId}/{UnitId} revision {Revision} committed via {Via} (late: {Late})", campaignId, unitId, revision.Number, author.Via, late);
            await ProjectOrLeavePendingAsync(revision, unit.DistrictId, pendingETag, attempt == 1 ? before : null, cancellationToken);
            return (SubmissionReceipt.Of(revision), revision.Number == 1);
        }

        throw Refusal.Unavailable(c => c.TooManyConcurrentSubmissions(), TimeSpan.FromSeconds(5));
    }

    /// <summary>409 for a report an accept locked: the state, when and by whom.</summary>
    private static RefusalException Locked(ReviewStanding standing)
    {
        var at = standing.AcceptedAt is { } accepted ? VietnamTime.Format(accepted) : string.Empty;
        var by = standing.AcceptedBy ?? string.Empty;
        return Refusal.Conflict(c => c.ReportLocked(at, by));
    }

    public async Task<Revision> GetCurrentAsync(Caller caller, string campaignId, string unitId, int? revisionNumber, CancellationToken cancellationToken)
    {
        var (campaign, _) = await ResolveAsync(caller, campaignId, unitId, write: false, cancellationToken);
        return await ReadRevisionAsync(campaign, unitId, revisionNumber, cancellationToken);
    }

    /// <summary>
    /// The current (or a given) revision with the unit's review: the <c>Reviews</c> log read in parallel with the
    /// revision (and, for an earlier revision, with the newest header, which the review state is reckoned against).
    /// </summary>
    public async Task<SubmissionView> GetViewAsync(Caller caller, string campaignId, string unitId, int? revisionNumber, CancellationToken cancellationToken)
    {
        var (campaign, _) = await ResolveAsync(caller, campaignId, unitId, write: false, cancellationToken);
        var reviewTask = reviews.ReadStandingAsync(campaignId, unitId, cancellationToken);
        var latestTask = revisionNumber is null ? null : revisions.ReadLatestHeaderAsync(campaignId, unitId, cancellationToken);
        var revision = await ReadRevisionAsync(campaign, unitId, revisionNumber, cancellationToken);
        var latest = latestTask is null ? revision.Number : (await latestTask).Top.Latest;
        return SubmissionView.Of(revision).WithReview(await reviewTask, latest);
    }

    private async Task<Revision> ReadRevisionAsync(Campaign campaign, string unitId, int? revisionNumber, CancellationToken cancellationToken)
    {
        var campaignId = campaign.CampaignId;
        var revision = revisionNumber is { } number
            ? await revisions.ReadAsync(campaignId, unitId, number, cancellationToken)
            : await revisions.ReadLatestAsync(campaignId, unitId, cancellationToken);
        if (revision is null)
        {
            throw revisionNumber is { } missing
                ? Refusal.NotFound(c => c.NoSuchRevision(missing))
                : Refusal.NotFound(c => c.NoSubmissionYet());
        }

        // Answers are stored by item id; they are read back in the checklist's order (items no longer on it last).
        var position = campaign.Checklist.Items.Select((entry, index) => (Id: entry.Item.Id, Index: index)).ToDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);
        return revision with
        {
            Answers = revision.Answers.OrderBy(a => position.GetValueOrDefault(a.ItemId, int.MaxValue)).ThenBy(a => a.ItemId, StringComparer.Ordinal).ToList(),
        };
    }

    public async Task<IReadOnlyList<RevisionSummary>> ListRevisionsAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken)
    {
        await ResolveAsync(caller, campaignId, unitId, write: false, cancellationToken);
        return (await revisions.ReadHeadersAsync(campaignId, unitId, cancellationToken)).Select(RevisionSummary.Of).ToList();
    }

    /// <summary>
    /// The newest revision's number, first submission time and on-time flag. The unit's <c>Submissions</c> row has
    /// them (a point read, which also returns the row for its review copy); the revision log is read when that row may
    /// be behind, or after a lost race (the commit of a number that was taken, fenced by the projection repair or
    /// guarded by a review fails, and the retry reads the log and the row above its newest revision, which it then
    /// replaces or is refused by), so numbers stay gapless.
    /// </summary>
    private async Task<(RevisionEntity? Latest, RevisionTop? Top, SubmissionEntity? Row)> ReadLatestAsync(string campaignId, string districtId, string unitId, bool trustProjection, CancellationToken cancellationToken)
    {
        SubmissionEntity? row = null;
        if (trustProjection)
        {
            var (behind, latest, projected) = await projector.ReadProjectedLatestAsync(campaignId, districtId, unitId, cancellationToken);
            if (!behind)
            {
                return (latest, null, projected);
            }

            row = projected;
        }

        var (header, top) = await revisions.ReadLatestHeaderAsync(campaignId, unitId, cancellationToken);
        return (header, top, row);
    }

    private async Task ProjectOrLeavePendingAsync(Revision revision, string districtId, Azure.ETag pendingETag, SubmissionEntity? replaced, CancellationToken cancellationToken)
    {
        try
        {
            await projector.ProjectAsync(revision, districtId, pendingETag, replaced, cancellationToken);
        }
        catch (Exception exception) when (StorageFaults.IsUnavailable(exception))
        {
            // The revision is committed; the row stays flagged and ProjectionRepair finishes the job.
            logger.LogWarning(exception, "Projection of {CampaignId}/{UnitId} revision {Revision} left pending", revision.CampaignId, revision.UnitId, revision.Number);
        }
    }

    /// <summary>
    /// 401, then 400 for an id that cannot be a key, then 404 for a unit that is not in the roster (writers need an
    /// active one; unit ids are not secret), then 403, then 404 for the campaign, or for one that has not opened yet
    /// unless the caller coordinates the unit (a closed one's reports stay readable).
    /// </summary>
    private async Task<(Campaign Campaign, RosterUnit Unit)> ResolveAsync(Caller caller, string campaignId, string unitId, bool write, CancellationToken cancellationToken)
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
        if (write && unit is not null && caller.Link is not null && !AccessPolicy.IsOfficer(caller, unit))
        {
            // A write through a link checks the generation in storage, not in this instance's cache: a link revoked
            // through another instance is refused at once (and one minted since works at once). Reads may lag 30 s.
            unit = await roster.ReadUnitAsync(unitId, cancellationToken);
        }

        if (unit is null || (write && !unit.Active))
        {
            throw Refusal.NotFound(c => c.UnknownOrInactiveUnit(unitId));
        }

        if (write)
        {
            AccessPolicy.RequireWrite(caller, campaignId, unit);
        }
        else
        {
            AccessPolicy.RequireRead(caller, campaignId, unit, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        }

        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        if (clock.GetUtcNow() < campaign.OpensAt
            && !AccessPolicy.MaySeeUnitReports(caller, (await coordinators.DistrictsOfAsync(caller.Email, cancellationToken)).Contains(unit.DistrictId), campaignHasOpened: false))
        {
            throw CampaignService.Unknown(campaignId);
        }

        return (campaign, unit);
    }
}
