using TetReadiness.Campaigns;

namespace TetReadiness.Tests.Campaigns;

public sealed class ChecklistVersioningTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset NextMonth = Now.AddDays(30);
    private static readonly DateTimeOffset LastWeek = Now.AddDays(-7);

    private static CampaignEntity Row(int version, int? sealedVersion, DateTimeOffset opensAt) =>
        new() { RowKey = "tet-2027", CampaignId = "tet-2027", ChecklistVersion = version, SealedVersion = sealedVersion, OpensAt = opensAt };

    [Fact]
    public void A_new_campaign_starts_at_version_1_sealed_only_if_it_opens_at_once()
    {
        Assert.Equal(new ChecklistVersionDecision(1, 0, null, false), ChecklistVersioning.Decide(null, NextMonth, false, Now));
        Assert.Equal(new ChecklistVersionDecision(1, 1, null, false), ChecklistVersioning.Decide(null, LastWeek, false, Now));
    }

    [Fact]
    public void Before_the_campaign_opens_a_changed_checklist_edits_the_version_in_place()
    {
        Assert.Equal(new ChecklistVersionDecision(1, 0, null, false), ChecklistVersioning.Decide(Row(1, 0, NextMonth), NextMonth, true, Now));
    }

    [Fact]
    public void Once_the_campaign_is_open_a_changed_checklist_makes_a_new_version_and_keeps_the_old_one()
    {
        var decision = ChecklistVersioning.Decide(Row(1, 1, LastWeek), LastWeek, true, Now);

        Assert.Equal(new ChecklistVersionDecision(2, 2, KeptVersion: 1, SealFirst: false), decision);
    }

    [Fact]
    public void A_campaign_that_opened_since_its_last_save_seals_its_version_first()
    {
        // Saved while the opening was weeks away; the opening has passed since without a save that recorded it.
        var decision = ChecklistVersioning.Decide(Row(1, 0, LastWeek), LastWeek, true, Now);

        Assert.Equal(new ChecklistVersionDecision(2, 2, KeptVersion: 1, SealFirst: true), decision);
    }

    [Fact]
    public void Within_a_cache_lifetime_and_clock_margin_of_the_opening_the_version_counts_as_open()
    {
        var soon = Now + ChecklistVersioning.SealAhead;
        var later = soon + TimeSpan.FromSeconds(1);

        Assert.Equal(2, ChecklistVersioning.Decide(Row(1, 0, soon), NextMonth, true, Now).Version);
        Assert.Equal(1, ChecklistVersioning.Decide(Row(1, 0, later), NextMonth, true, Now).Version);
        Assert.Equal(TimeSpan.FromSeconds(60), ChecklistVersioning.SealAhead);
    }

    [Fact]
    public void Moving_the_opening_back_to_the_future_does_not_unseal_a_version_that_was_open()
    {
        // Open with version 1, then saved with an opening next month and the same checklist: still sealed.
        var moved = ChecklistVersioning.Decide(Row(1, 1, LastWeek), NextMonth, false, Now);
        Assert.Equal(new ChecklistVersionDecision(1, 1, null, false), moved);

        Assert.Equal(2, ChecklistVersioning.Decide(Row(1, moved.SealedVersion, NextMonth), NextMonth, true, Now).Version);
    }

    [Fact]
    public void A_new_version_made_for_a_later_opening_is_edited_in_place_until_that_opening()
    {
        Assert.Equal(new ChecklistVersionDecision(2, 1, null, false), ChecklistVersioning.Decide(Row(2, 1, NextMonth), NextMonth, true, Now));
    }

    [Fact]
    public void Saving_the_same_checklist_keeps_the_version_and_records_that_it_is_open()
    {
        Assert.Equal(new ChecklistVersionDecision(3, 3, null, false), ChecklistVersioning.Decide(Row(3, 2, LastWeek), LastWeek, false, Now));
    }

    [Fact]
    public void Opening_a_campaign_in_the_same_save_as_its_change_seals_the_changed_version()
    {
        Assert.Equal(new ChecklistVersionDecision(1, 1, null, false), ChecklistVersioning.Decide(Row(1, 0, NextMonth), LastWeek, true, Now));
    }

    [Fact]
    public void A_row_saved_before_versions_were_sealed_counts_as_sealed_whatever_its_opening()
    {
        Assert.Equal(new ChecklistVersionDecision(3, 2, KeptVersion: 2, SealFirst: true), ChecklistVersioning.Decide(Row(2, null, NextMonth), NextMonth, true, Now));
    }
}
