using TetReadiness.Campaigns;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Campaigns;

public sealed class CampaignValidatorTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static CampaignDefinition.ItemDefinition Item(string id, bool required = true) => new() { Id = id, Text = "Mục " + id, Required = required };

    private static CampaignDefinition WithItems(params CampaignDefinition.ItemDefinition[] items)
    {
        var definition = Seed.Campaign();
        definition.Sections = [new CampaignDefinition.SectionDefinition { Id = "chung", Title = "Chung", Items = [.. items] }];
        return definition;
    }

    [Fact]
    public void A_valid_definition_becomes_a_campaign_with_its_checklist()
    {
        var (campaign, errors) = CampaignValidator.Validate("tet-2024", Seed.Campaign());

        Assert.Empty(errors);
        Assert.NotNull(campaign);
        Assert.Equal("tet-2024", campaign.CampaignId);
        Assert.Equal("Chuẩn bị Tết Giáp Thìn 2024", campaign.Title);
        Assert.Equal(3, campaign.Checklist.ItemCount);
        Assert.Equal(["pccc", "an-sinh"], campaign.Checklist.Sections.Select(s => s.Id));
        Assert.Equal([true, false, true], campaign.Checklist.Items.Select(p => p.Item.Required));
        Assert.Equal(["sonoivu@hanoi.invalid"], campaign.DigestRecipients);
    }

    [Fact]
    public void A_date_only_deadline_means_23_59_59_Vietnam_time()
    {
        var (campaign, _) = CampaignValidator.Validate("tet-2024", Seed.Campaign(deadline: "2024-02-05"));

        Assert.Equal(new DateTimeOffset(2024, 2, 5, 23, 59, 59, Vietnam), campaign!.Deadline);
    }

    [Fact]
    public void A_time_without_an_offset_means_Vietnam_time()
    {
        var (campaign, _) = CampaignValidator.Validate("tet-2024", Seed.Campaign(opensAt: "2024-01-15T08:00:00", deadline: "2024-02-05T17:00:00"));

        Assert.Equal(new DateTimeOffset(2024, 1, 15, 1, 0, 0, TimeSpan.Zero), campaign!.OpensAt.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2024, 2, 5, 10, 0, 0, TimeSpan.Zero), campaign.Deadline.ToUniversalTime());
    }

    [Fact]
    public void A_time_with_an_offset_is_taken_as_given()
    {
        var (campaign, _) = CampaignValidator.Validate("tet-2024", Seed.Campaign(deadline: "2024-02-05T10:00:00Z"));

        Assert.Equal(new DateTimeOffset(2024, 2, 5, 17, 0, 0, Vietnam), campaign!.Deadline);
    }

    [Fact]
    public void Closing_defaults_to_fourteen_days_after_the_deadline()
    {
        var (campaign, _) = CampaignValidator.Validate("tet-2024", Seed.Campaign(deadline: "2024-01-31"));

        Assert.Equal(new DateTimeOffset(2024, 2, 14, 23, 59, 59, Vietnam), campaign!.ClosesAt);
        Assert.Equal(campaign.Deadline + TimeSpan.FromDays(14), campaign.ClosesAt);
    }

    [Fact]
    public void An_explicit_closing_time_is_kept()
    {
        var (campaign, _) = CampaignValidator.Validate("tet-2024", Seed.Campaign(deadline: "2024-01-31", closesAt: "2024-02-03"));

        Assert.Equal(new DateTimeOffset(2024, 2, 3, 23, 59, 59, Vietnam), campaign!.ClosesAt);
    }

    [Fact]
    public void Closing_before_the_deadline_is_refused()
    {
        var (campaign, errors) = CampaignValidator.Validate("tet-2024", Seed.Campaign(deadline: "2024-01-31", closesAt: "2024-01-30"));

        Assert.Null(campaign);
        Assert.Equal(["closesAt"], errors.Keys);
    }

    [Theory]
    [InlineData("2024-01-31T08:00:00+07:00", "2024-01-31T08:00:00+07:00")]
    [InlineData("2024-01-31T08:00:00+07:00", "2024-01-31T00:59:59Z")]
    [InlineData("2024-02-01", "2024-01-31")]
    public void A_deadline_not_after_the_opening_is_refused(string opensAt, string deadline)
    {
        var (campaign, errors) = CampaignValidator.Validate("tet-2024", Seed.Campaign(opensAt: opensAt, deadline: deadline));

        Assert.Null(campaign);
        Assert.Contains("after the opening", Assert.Single(errors["deadline"]).InBothLanguages(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "2024-01-31", "opensAt")]
    [InlineData("soon", "2024-01-31", "opensAt")]
    [InlineData("2024-01-15", null, "deadline")]
    [InlineData("2024-01-15", "31/01/2024", "deadline")]
    public void Missing_or_unreadable_times_are_refused(string? opensAt, string? deadline, string field)
    {
        var definition = Seed.Campaign();
        definition.OpensAt = opensAt;
        definition.Deadline = deadline;

        var (campaign, errors) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Null(campaign);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("opensAt", "05/01/2024")]
    [InlineData("deadline", "05/02/2024")]
    [InlineData("closesAt", "05/03/2024")]
    [InlineData("deadline", "2/5/2024 5:00 PM")]
    [InlineData("closesAt", "Feb 20, 2024")]
    public void A_day_month_or_other_culture_dependent_time_is_refused_naming_its_field(string field, string text)
    {
        var definition = Seed.Campaign(opensAt: "2024-01-01", deadline: "2024-02-10", closesAt: "2024-03-10");
        typeof(CampaignDefinition).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.SetValue(definition, text);

        var (campaign, errors) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Null(campaign);
        Assert.Equal([field], errors.Keys);
        Assert.Contains("ISO 8601", Assert.Single(errors[field]).InBothLanguages(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_checklist_without_sections_is_refused()
    {
        var definition = Seed.Campaign();
        definition.Sections = [];

        var (campaign, errors) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Null(campaign);
        Assert.Equal(["sections"], errors.Keys);
    }

    [Fact]
    public void A_section_without_items_is_refused()
    {
        var (campaign, errors) = CampaignValidator.Validate("tet-2024", WithItems());

        Assert.Null(campaign);
        Assert.Equal(["sections[0].items"], errors.Keys);
    }

    [Fact]
    public void Ninety_eight_items_fit_one_storage_batch()
    {
        var (campaign, errors) = CampaignValidator.Validate("tet-2024", WithItems([.. Enumerable.Range(1, 98).Select(i => Item($"muc-{i}"))]));

        Assert.Empty(errors);
        Assert.Equal(98, campaign!.Checklist.ItemCount);
    }

    [Fact]
    public void Ninety_nine_items_are_refused()
    {
        var definition = Seed.Campaign();
        definition.Sections =
        [
            new CampaignDefinition.SectionDefinition { Id = "a", Title = "A", Items = [.. Enumerable.Range(1, 50).Select(i => Item($"a-{i}"))] },
            new CampaignDefinition.SectionDefinition { Id = "b", Title = "B", Items = [.. Enumerable.Range(1, 49).Select(i => Item($"b-{i}"))] },
        ];

        var (campaign, errors) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Null(campaign);
        Assert.Contains("98", Assert.Single(errors["sections"]).InBothLanguages(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_id_used_twice_is_refused_even_across_sections()
    {
        var definition = Seed.Campaign();
        definition.Sections![1].Items![0].Id = "pccc-cho";

        var (campaign, errors) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Null(campaign);
        Assert.Contains("pccc-cho", Assert.Single(errors["sections[1].items[0].id"]).InBothLanguages(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_id_used_twice_is_refused()
    {
        var definition = Seed.Campaign();
        definition.Sections![1].Id = "pccc";

        var (_, errors) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Equal(["sections[1].id"], errors.Keys);
    }

    [Theory]
    [InlineData("PCCC-Cho")]
    [InlineData("pccc cho")]
    [InlineData("../x")]
    [InlineData("")]
    [InlineData(null)]
    public void Bad_item_ids_are_refused(string? id)
    {
        var (campaign, errors) = CampaignValidator.Validate("tet-2024", WithItems(Item(id!)));

        Assert.Null(campaign);
        Assert.Equal(["sections[0].items[0].id"], errors.Keys);
    }

    [Fact]
    public void A_65_character_item_id_is_refused()
    {
        var (_, errors) = CampaignValidator.Validate("tet-2024", WithItems(Item(new string('a', 65))));

        Assert.Equal(["sections[0].items[0].id"], errors.Keys);
    }

    [Fact]
    public void Item_text_is_required()
    {
        var (_, errors) = CampaignValidator.Validate("tet-2024", WithItems(new CampaignDefinition.ItemDefinition { Id = "a", Text = "  " }));

        Assert.Equal(["sections[0].items[0].text"], errors.Keys);
    }

    [Fact]
    public void A_missing_title_is_refused()
    {
        var definition = Seed.Campaign();
        definition.Title = " ";

        var (_, errors) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Equal(["title"], errors.Keys);
    }

    [Fact]
    public void Invalid_digest_recipients_are_refused_and_valid_ones_deduplicated()
    {
        var definition = Seed.Campaign();
        definition.DigestRecipients = ["A@hanoi.invalid", "a@hanoi.invalid", "not-an-email"];

        var (_, errors) = CampaignValidator.Validate("tet-2024", definition);
        Assert.Equal(["digestRecipients[2]"], errors.Keys);

        definition.DigestRecipients = ["A@hanoi.invalid", "a@hanoi.invalid"];
        var (campaign, _) = CampaignValidator.Validate("tet-2024", definition);
        Assert.Equal(["a@hanoi.invalid"], campaign!.DigestRecipients);
    }

    [Fact]
    public void Vietnamese_text_typed_decomposed_is_stored_precomposed()
    {
        var definition = WithItems(new CampaignDefinition.ItemDefinition { Id = "a", Text = "Ba \u0110i\u0300nh" });
        definition.Title = "Te\u0302\u0301t";

        var (campaign, _) = CampaignValidator.Validate("tet-2024", definition);

        Assert.Equal("Tết", campaign!.Title);
        Assert.Equal("Ba Đình", campaign.Checklist.Items.Single().Item.Text);
    }
}
