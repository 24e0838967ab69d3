namespace TetReadiness.Campaigns;

/// <summary>
/// Which checklist version a campaign save writes. A version that may have been answered is sealed: it is never
/// edited again, and a changed checklist becomes the next version, so every revision's <c>ChecklistVersion</c> names
/// the checklist it was validated against. A version may have been answered once the campaign was open with it, or
/// would open before a copy of the row cached on any instance expires (<see cref="CampaignCatalog.CacheDuration"/>)
/// give or take the instances' clock difference (<see cref="ClockMargin"/>). Until then nobody can submit, so a change
/// edits the version in place. The rule reads only the campaign row: never another table, never a cache.
/// </summary>
public static class ChecklistVersioning
{
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(30);

    /// <summary>How far ahead of its opening a campaign's checklist version counts as open already.</summary>
    public static TimeSpan SealAhead => CampaignCatalog.CacheDuration + ClockMargin;

    /// <param name="existing">The stored row, or null for a new campaign. A row saved before versions were sealed
    /// (no <see cref="CampaignEntity.SealedVersion"/>) counts as sealed at its version: it may have been answered.</param>
    /// <param name="opensAt">The opening the save writes.</param>
    /// <param name="checklistChanged">Whether the saved checklist differs from the stored one.</param>
    internal static ChecklistVersionDecision Decide(CampaignEntity? existing, DateTimeOffset opensAt, bool checklistChanged, DateTimeOffset now)
    {
        if (existing is null)
        {
            return new ChecklistVersionDecision(1, OpensSoon(opensAt, now) ? 1 : 0, null, false);
        }

        var current = existing.ChecklistVersion;
        var sealedVersion = existing.SealedVersion ?? current;
        if (OpensSoon(existing.OpensAt, now))
        {
            sealedVersion = Math.Max(sealedVersion, current);
        }

        var makesNewVersion = checklistChanged && current <= sealedVersion;
        var version = makesNewVersion ? current + 1 : current;
        if (OpensSoon(opensAt, now))
        {
            sealedVersion = Math.Max(sealedVersion, version);
        }

        return makesNewVersion
            ? new ChecklistVersionDecision(version, sealedVersion, current, SealFirst: (existing.SealedVersion ?? 0) < current)
            : new ChecklistVersionDecision(version, sealedVersion, null, false);
    }

    private static bool OpensSoon(DateTimeOffset opensAt, DateTimeOffset now) => opensAt <= now + SealAhead;
}
