using Azure;
using Microsoft.Extensions.Logging;
using TetReadiness.Audit;
using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Roster;

namespace TetReadiness.Campaigns;

/// <summary>
/// Defines and reads campaigns. Changing the checklist of a campaign that is open, or about to open, makes a new
/// checklist version and keeps the old one (revisions keep naming the version they answered); before that, nobody can
/// submit and the version is edited in place (<see cref="ChecklistVersioning"/>).
/// </summary>
public sealed class CampaignService(
    CampaignStore store,
    CampaignCatalog catalog,
    CoordinatorDirectory coordinators,
    ReporterDirectory reporters,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<CampaignService> logger)
{
    /// <summary>City coordinators only. <paramref name="createOnly"/> (<c>If-None-Match: *</c>) refuses to replace an existing campaign.</summary>
    public async Task<(CampaignView View, bool Created)> PutAsync(string campaignId, Func<CancellationToken, Task<CampaignDefinition>> readBody, Caller caller, CancellationToken cancellationToken, bool createOnly = false)
    {
        AccessPolicy.RequireCityCoordinator(caller);
        RequireId(campaignId);
        var definition = await readBody(cancellationToken);
        var (candidate, errors) = CampaignValidator.Validate(campaignId, definition);
        if (candidate is null)
        {
            throw Refusal.InvalidFields(errors);
        }

        var now = clock.GetUtcNow();
        var existing = await store.GetAsync(campaignId, cancellationToken);
        if (createOnly && existing is not null)
        {
            throw Refusal.PreconditionFailed(c => c.CampaignAlreadyExists(campaignId));
        }

        var decision = ChecklistVersioning.Decide(existing?.Row, candidate.OpensAt, existing is { Campaign: var stored } && !stored.Checklist.SameAs(candidate.Checklist), now);
        var version = decision.Version;
        var campaign = candidate with { ChecklistVersion = version, RosterFrozenAt = existing?.Campaign.RosterFrozenAt };

        // The row, checklist included, is the one conditional write: a save that loses the race writes nothing the
        // app reads. A version left behind is sealed first (if the row does not say so yet) and kept, so no
        // concurrent save edits it in place and the revisions that name it can still read it.
        try
        {
            var expected = existing?.Row.ETag;
            if (existing is { Row: var current, Campaign: var previousCampaign } && decision.KeptVersion is { } kept)
            {
                if (decision.SealFirst)
                {
                    expected = await store.SealAsync(current, cancellationToken);
                }

                await store.KeepVersionAsync(campaignId, kept, previousCampaign.Checklist, now, cancellationToken);
            }

            await store.SaveAsync(CampaignEntity.From(campaign, decision.SealedVersion, existing?.Row.CreatedAt ?? now, now), expected, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 && createOnly)
        {
            throw Refusal.PreconditionFailed(c => c.CampaignAlreadyExists(campaignId));
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            throw Refusal.Conflict(c => c.CampaignChangedConcurrently());
        }

        catalog.Forget(campaignId);
        if (existing is not { Campaign: var previous } || previous.ChecklistVersion != version || !previous.Checklist.SameAs(campaign.Checklist))
        {
            await ProjectChecklistAsync(campaignId, cancellationToken);
        }

        logger.LogInformation("Campaign {CampaignId} saved with checklist version {Version} ({ItemCount} items)", campaignId, version, campaign.Checklist.ItemCount);
        await audit.RecordAsync(caller, "campaign.put", campaignId, $"checklist version {version}, {campaign.Checklist.ItemCount} items, deadline {campaign.Deadline:O}", cancellationToken);
        return (CampaignView.Of(campaign), existing is null);
    }

    /// <summary>
    /// The save is already committed, so a failure here is not the caller's: the projection repair rewrites
    /// <c>ChecklistItems</c> within minutes, and the app itself reads the checklist from the campaign row.
    /// </summary>
    private async Task ProjectChecklistAsync(string campaignId, CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.ProjectChecklistAsync(campaignId, cancellationToken))
            {
                logger.LogWarning("Checklist rows of campaign {CampaignId} not rewritten: the campaign kept changing; the projection repair finishes it", campaignId);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Checklist rows of campaign {CampaignId} not rewritten after its save; the projection repair finishes it", campaignId);
        }
    }

    /// <summary>
    /// Coordinators see every campaign, with its digest recipients; officers and link holders only one open now that
    /// counts one of their units (<see cref="AccessPolicy.MaySeeCampaign"/>), and any other is 404 to them.
    /// </summary>
    public async Task<CampaignView> GetAsync(Caller caller, string campaignId, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireIdentity(caller);
        var campaign = await RequireAsync(campaignId, cancellationToken);
        var coordinator = await IsCoordinatorAsync(caller, cancellationToken);
        if (!await MaySeeAsync(caller, campaignId, campaign.IsOpenAt(clock.GetUtcNow()), coordinator, cancellationToken))
        {
            throw Unknown(campaignId);
        }

        return CampaignView.Of(campaign, coordinator);
    }

    /// <summary>The campaigns the caller may see (<see cref="GetAsync"/>), newest deadline first; <paramref name="openOnly"/> keeps those open now.</summary>
    public async Task<IReadOnlyList<CampaignView>> ListAsync(Caller caller, bool openOnly, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireIdentity(caller);
        var now = clock.GetUtcNow();
        var coordinator = await IsCoordinatorAsync(caller, cancellationToken);
        var views = new List<CampaignView>();
        foreach (var campaign in (await store.ListAsync(cancellationToken)).OrderByDescending(c => c.Deadline))
        {
            var open = campaign.IsOpenAt(now);
            if ((openOnly && !open) || !await MaySeeAsync(caller, campaign.CampaignId, open, coordinator, cancellationToken))
            {
                continue;
            }

            views.Add(CampaignView.Of(campaign, includeRecipients: false));
        }

        return views;
    }

    /// <summary>The campaign or 404; the id is checked before it reaches a key.</summary>
    public async Task<Campaign> RequireAsync(string campaignId, CancellationToken cancellationToken)
    {
        RequireId(campaignId);
        return await catalog.FindAsync(campaignId, cancellationToken) ?? throw Unknown(campaignId);
    }

    /// <summary>The 404 for a campaign that does not exist, or that the caller may not see: the two are told apart by no one.</summary>
    public static RefusalException Unknown(string campaignId) => Refusal.NotFound(c => c.UnknownCampaign(campaignId));

    /// <summary>Reads only what the rule needs: nothing for coordinators or a campaign that is not open.</summary>
    private async Task<bool> MaySeeAsync(Caller caller, string campaignId, bool open, bool coordinator, CancellationToken cancellationToken)
    {
        if (coordinator || caller.IsCityCoordinator || !open)
        {
            return AccessPolicy.MaySeeCampaign(caller, campaignId, open, coordinator, false, null);
        }

        var officer = (await reporters.UnitsOfOfficerAsync(caller.Email, cancellationToken)).Count > 0;
        var linked = caller.Link?.CampaignId == campaignId ? await reporters.LinkedUnitAsync(caller, cancellationToken) : null;
        return AccessPolicy.MaySeeCampaign(caller, campaignId, open, coordinator, officer, linked);
    }

    private async Task<bool> IsCoordinatorAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.IsCityCoordinator || (await coordinators.DistrictsOfAsync(caller.Email, cancellationToken)).Count > 0;

    private static void RequireId(string campaignId)
    {
        if (!Ids.IsValid(campaignId))
        {
            throw Refusal.InvalidId(IdKind.Campaign, "campaignId");
        }
    }
}
