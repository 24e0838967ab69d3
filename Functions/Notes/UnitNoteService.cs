using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Roster;

namespace TetReadiness.Notes;

/// <summary>
/// Coordinators' notes on a unit: added, never changed, read newest first, by the unit's coordinators only (its
/// officers, link holders and other areas' coordinators are refused). Checks come in the order every unit endpoint
/// refuses: 401, 400 id, 404 unit, 403, 404 campaign, then the body's 415, 413, 400.
/// </summary>
public sealed class UnitNoteService(CoordinatedUnits units, CampaignService campaigns, UnitNoteStore store, TimeProvider clock, ILogger<UnitNoteService> logger)
{
    public const int MaxTextLength = 1000;

    public async Task<UnitNoteView> AddAsync(Caller caller, string campaignId, string unitId, Func<CancellationToken, Task<UnitNoteRequest>> readBody, CancellationToken cancellationToken)
    {
        var unit = await units.RequireCoordinatorAsync(caller, campaignId, unitId, activeOnly: false, cancellationToken);
        await campaigns.RequireAsync(campaignId, cancellationToken);
        var text = Validate(await readBody(cancellationToken));
        var note = await store.AddAsync(campaignId, unitId, unit.DistrictId, text, caller.Identity, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Note added on {CampaignId}/{UnitId} ({Length} characters)", campaignId, unitId, text.Length);
        return UnitNoteView.Of(note);
    }

    public async Task<IReadOnlyList<UnitNoteView>> ListAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken)
    {
        await units.RequireCoordinatorAsync(caller, campaignId, unitId, activeOnly: false, cancellationToken);
        await campaigns.RequireAsync(campaignId, cancellationToken);
        return (await store.ReadUnitAsync(campaignId, unitId, cancellationToken)).Select(UnitNoteView.Of).ToList();
    }

    /// <summary>The note as stored: trimmed, NFC; required, at most <see cref="MaxTextLength"/> characters, line breaks allowed.</summary>
    public static string Validate(UnitNoteRequest request)
    {
        var text = TextRules.Normalize(request.Text);
        Message? error = text.Length == 0 ? c => c.FieldRequired()
            : text.Length > MaxTextLength ? c => c.NoteTooLong(MaxTextLength)
            : TextRules.HasControlCharacters(text, allowLineBreaks: true) ? c => c.NoteHasControlCharacters()
            : null;
        return error is null ? text : throw Refusal.InvalidField("text", error);
    }
}
