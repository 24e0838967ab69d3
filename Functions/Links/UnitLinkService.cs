using System.Text;
using Microsoft.Extensions.Options;
using TetReadiness.Audit;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Http;
using TetReadiness.Identity;
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
    public async Task<MintedLink> MintAsync(Caller caller, string campaignId, string unitId, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        RequireIds(campaignId, unitId);
        var unit = await roster.GetUnitAsync(unitId, cancellationToken);
        if (unit is not null && !scope.Covers(unit.DistrictId))
        {
            throw ProblemException.Forbidden("Đơn vị ngoài phạm vi của bạn. (The unit is outside your scope.)");
        }

        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        if (unit is null || !unit.Active)
        {
            throw ProblemException.NotFound($"Không có đơn vị '{unitId}' trong danh sách hiện hành. (Unknown or inactive unit.)");
        }

        RequireSigner();
        var expiry = expiresAt ?? campaign.ClosesAt;
        if (expiry <= clock.GetUtcNow() || expiry > campaign.ClosesAt)
        {
            throw ProblemException.Validation(new Dictionary<string, string[]> { ["expiresAt"] = ["Phải trong tương lai và không sau khi chiến dịch đóng. (Must be in the future and not after the campaign closes.)"] });
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
                throw ProblemException.NotFound($"Không có đơn vị '{unitId}'. (Unknown unit.)");
            case LinkGenerationOutcome.UnknownUnit or LinkGenerationOutcome.Refused:
                throw ProblemException.Forbidden("Đơn vị ngoài phạm vi của bạn. (The unit is outside your scope.)");
            default:
                throw ProblemException.Conflict("Đơn vị đang được cập nhật; thử lại. (The unit changed concurrently; retry.)");
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
            throw new ProblemException(503, "Service unavailable", "Chưa cấu hình khóa ký liên kết (UnitLinks__PrimaryKey). (No unit-link signing key is configured.)");
        }
    }

    private static void RequireIds(string? campaignId, string? unitId)
    {
        if ((campaignId is not null && !Ids.IsValid(campaignId)) || (unitId is not null && !Ids.IsValid(unitId)))
        {
            throw ProblemException.BadRequest("Mã không hợp lệ (a-z, 0-9, '-', tối đa 64). (Invalid id.)");
        }
    }
}
