using System.Text;
using Microsoft.Extensions.Options;
using TetReadiness.Audit;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Platform;
using TetReadiness.Roster;
using TetReadiness.Time;

namespace TetReadiness.Links;

/// <summary>
/// Mints, lists and revokes unit links. A coordinator may do it for the units in their scope; a link expires when
/// the campaign closes unless an earlier time is asked for; revoking raises the unit's generation, which every
/// earlier link carries.
/// </summary>
public sealed class UnitLinkService(
    UnitLinkSigner signer,
    CampaignService campaigns,
    IUnitDirectory roster,
    ILinkGenerations generations,
    CoordinatorDirectory coordinators,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<AppOptions> app)
{
    /// <summary>
    /// The body (<paramref name="readExpiresAt"/>: the expiry asked for, or null for the default) is read once the
    /// caller, the ids, the unit and the campaign have passed, so its 415, 413 and 400 come after 401, 403 and 404.
    /// </summary>
    public async Task<MintedLink> MintAsync(Caller caller, string campaignId, string unitId, Func<CancellationToken, Task<DateTimeOffset?>> readExpiresAt, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        RequireIds(campaignId, unitId);
        var unit = await roster.GetUnitAsync(unitId, cancellationToken);
        if (unit is not null && !scope.Covers(unit.DistrictId))
        {
            throw Refusal.Forbidden(c => c.UnitOutsideScope());
        }

        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        if (unit is null || !unit.Active)
        {
            throw Refusal.NotFound(c => c.UnknownOrInactiveUnit(unitId));
        }

        var expiresAt = await readExpiresAt(cancellationToken);
        RequireSigner();
        var expiry = expiresAt ?? campaign.ClosesAt;
        if (expiry <= clock.GetUtcNow() || expiry > campaign.ClosesAt)
        {
            throw Refusal.InvalidField("expiresAt", c => c.LinkExpiryOutOfRange());
        }

        var minted = Mint(campaign, unit, expiry);
        await audit.RecordAsync(caller, "link.mint", $"{campaignId}/{unitId}", $"expires {minted.ExpiresAt:O}", cancellationToken);
        return minted;
    }

    /// <summary>Every active unit's link in the caller's scope, as CSV for sending by Zalo or SMS.</summary>
    public async Task<string> ListCsvAsync(Caller caller, string campaignId, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        RequireIds(campaignId, null);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        RequireSigner();
        var csv = new StringBuilder(CsvFormat.ByteOrderMark)
            .AppendRow("district_id", "district_name", "unit_id", "unit_name", "officer_emails", "link", "expires_at");
        var count = 0;
        await foreach (var unit in roster.ReadCurrentUnitsAsync(cancellationToken))
        {
            if (!unit.Active || !scope.Covers(unit.DistrictId))
            {
                continue;
            }

            var link = Mint(campaign, unit, campaign.ClosesAt);
            csv.AppendRow(unit.DistrictId, unit.DistrictName, unit.UnitId, unit.UnitName, Emails.Join(unit.OfficerEmails), link.Url, VietnamTime.Format(link.ExpiresAt));
            count++;
        }

        await audit.RecordAsync(caller, "link.list", campaignId, $"{count} links", cancellationToken);
        return csv.ToString();
    }

    public async Task<int> RevokeAsync(Caller caller, string unitId, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        RequireIds(null, unitId);
        var raised = await generations.RaiseAsync(unitId, unit => scope.Covers(unit.DistrictId), cancellationToken);
        switch (raised.Outcome)
        {
            case LinkGenerationOutcome.Raised:
                await audit.RecordAsync(caller, "link.revoke", unitId, $"generation {raised.Generation}", cancellationToken);
                return raised.Generation;
            case LinkGenerationOutcome.UnknownUnit when scope.WholeCity:
                throw Refusal.NotFound(c => c.UnknownUnit(unitId));
            case LinkGenerationOutcome.UnknownUnit or LinkGenerationOutcome.Refused:
                throw Refusal.Forbidden(c => c.UnitOutsideScope());
            default:
                throw Refusal.Conflict(c => c.UnitChangedConcurrently());
        }
    }

    /// <summary>The link a reminder email carries: valid until the campaign closes.</summary>
    public MintedLink? LinkForReminder(Campaign campaign, RosterUnit unit) =>
        signer.IsConfigured ? Mint(campaign, unit, campaign.ClosesAt) : null;

    private MintedLink Mint(Campaign campaign, RosterUnit unit, DateTimeOffset expiresAt)
    {
        var token = signer.Sign(new UnitLink(campaign.CampaignId, unit.UnitId, unit.LinkGeneration, expiresAt));
        return new MintedLink(PublicUrls.LinkForm(app.Value.PublicBaseUrl, token), VietnamTime.ToVietnam(expiresAt));
    }

    private void RequireSigner()
    {
        if (!signer.IsConfigured)
        {
            throw Refusal.Unavailable(c => c.NoLinkSigningKey());
        }
    }

    private static void RequireIds(string? campaignId, string? unitId)
    {
        if (campaignId is not null && !Ids.IsValid(campaignId))
        {
            throw Refusal.InvalidId(IdKind.Campaign, "campaignId");
        }

        if (unitId is not null && !Ids.IsValid(unitId))
        {
            throw Refusal.InvalidId(IdKind.Unit, "unitId");
        }
    }
}
