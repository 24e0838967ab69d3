using System.Globalization;
using Microsoft.Extensions.Options;
using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Platform;
using TetReadiness.Status;

namespace TetReadiness.Digests;

/// <summary>
/// Reads what a digest needs, once per campaign however many sections use it (status: one query per page of units
/// and of submissions; reminders and answers: one per page of the campaign's partition; the previous snapshot: one
/// range read; difficulties and proposals: one query for the campaign or per area of the email, reading only the rows
/// that have them), and builds the content with <see cref="DigestContentBuilder"/>.
/// </summary>
public sealed class DigestComposer(
    ICampaignDirectory catalog,
    StatusService status,
    CampaignActivityStore activity,
    StatusSnapshotStore snapshots,
    IUnitDeadlines deadlines,
    IOptions<AppOptions> app,
    TimeProvider clock)
{
    public async Task<DigestContent> ComposeAsync(DigestEntity row, CancellationToken cancellationToken)
    {
        var date = DateOnly.ParseExact(row.DigestDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scopes = DigestScope.ParseList(row.Scopes);
        var campaigns = new Dictionary<string, DigestCampaignData>(StringComparer.Ordinal);
        foreach (var campaignId in scopes.Select(s => s.CampaignId).Distinct(StringComparer.Ordinal))
        {
            // A campaign deleted since the digest was planned has no section.
            if (await catalog.FindAsync(campaignId, cancellationToken) is not null)
            {
                campaigns[campaignId] = await LoadAsync(campaignId, scopes.Where(s => s.CampaignId == campaignId).ToList(), date, cancellationToken);
            }
        }

        return DigestContentBuilder.Build(row.Recipient, date, clock.GetUtcNow(), scopes, campaigns, app.Value.PublicBaseUrl);
    }

    private async Task<DigestCampaignData> LoadAsync(string campaignId, IReadOnlyList<DigestScope> scopes, DateOnly date, CancellationToken cancellationToken)
    {
        var current = status.LoadAsync(campaignId, cancellationToken);
        var reminders = activity.ReadReminderHistoryAsync(campaignId, cancellationToken);
        var answers = activity.ReadLatestAnswersAsync(campaignId, cancellationToken);
        var previous = snapshots.ReadPreviousAsync(campaignId, date, cancellationToken);
        // An area coordinator's digest reads its areas' texts, not the city's.
        var remarks = activity.ReadDifficultiesAndProposalsAsync(
            campaignId, scopes.Any(s => s.IsCity) ? null : [.. scopes.Select(s => s.DistrictId!).Distinct(StringComparer.Ordinal)], cancellationToken);
        await Task.WhenAll(current, reminders, answers, previous, remarks);
        var (campaign, units, reports) = await current;
        return new DigestCampaignData(campaign, units, reports, await reminders, await answers, await previous, DifficultiesAndProposals: await remarks, Deadlines: await deadlines.ReadAsync(campaign, cancellationToken));
    }
}
