using TetReadiness.Common;
using TetReadiness.Messages;
using TetReadiness.Time;

namespace TetReadiness.Campaigns;

/// <summary>Checks a campaign definition and turns it into a <see cref="Campaign"/> (version not yet assigned).</summary>
public static class CampaignValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxItemTextLength = 500;

    // Day/month forms are refused rather than guessed: 05/02/2027 is 5 February here and 2 May to a US-culture parser.
    private static readonly Message IsoTimeRequired = c => c.IsoTimeRequired();

    public static (Campaign? Campaign, IReadOnlyDictionary<string, IReadOnlyList<Message>> Errors) Validate(string campaignId, CampaignDefinition definition)
    {
        var errors = new Dictionary<string, List<Message>>();
        void Fail(string field, Message message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var title = TextRules.Normalize(definition.Title);
        if (title.Length == 0)
        {
            Fail("title", c => c.TitleRequired());
        }
        else if (title.Length > MaxTitleLength || TextRules.HasControlCharacters(title, allowLineBreaks: false))
        {
            Fail("title", c => c.TitleInvalid(MaxTitleLength));
        }

        var opensOk = VietnamTime.TryParseCampaignTime(definition.OpensAt, out var opensAt);
        if (!opensOk)
        {
            Fail("opensAt", IsoTimeRequired);
        }

        var deadlineOk = VietnamTime.TryParseCampaignTime(definition.Deadline, out var deadline);
        if (!deadlineOk)
        {
            Fail("deadline", IsoTimeRequired);
        }
        else if (opensOk && deadline <= opensAt)
        {
            Fail("deadline", c => c.DeadlineNotAfterOpening());
        }

        var closesAt = deadline + Campaign.DefaultCloseAfterDeadline;
        if (!string.IsNullOrWhiteSpace(definition.ClosesAt))
        {
            if (!VietnamTime.TryParseCampaignTime(definition.ClosesAt, out closesAt))
            {
                Fail("closesAt", IsoTimeRequired);
            }
            else if (deadlineOk && closesAt < deadline)
            {
                Fail("closesAt", c => c.ClosingBeforeDeadline());
            }
        }

        var recipients = new List<string>();
        foreach (var (recipient, index) in (definition.DigestRecipients ?? []).Select((r, i) => (r, i)))
        {
            var email = (recipient ?? string.Empty).Trim().ToLowerInvariant();
            if (!Emails.IsValid(email))
            {
                Fail($"digestRecipients[{index}]", c => c.InvalidEmail());
            }
            else if (!recipients.Contains(email))
            {
                recipients.Add(email);
            }
        }

        var sections = ValidateSections(definition.Sections, Fail);
        var checklist = new Checklist(sections);
        if (errors.Count == 0 && checklist.ItemCount == 0)
        {
            Fail("sections", c => c.ChecklistEmpty());
        }
        else if (checklist.ItemCount > Checklist.MaxItems)
        {
            Fail("sections", c => c.ChecklistTooManyItems(Checklist.MaxItems));
        }
        else if (errors.Count == 0 && StoredChecklist.Serialize(checklist).Length > StoredChecklist.MaxLength)
        {
            // Only text dense in quotes, backslashes or emoji (escaped in JSON) gets here: 98 items of 500 characters fit otherwise.
            Fail("sections", c => c.ChecklistTooLongToStore(StoredChecklist.MaxLength));
        }

        var result = errors.ToDictionary(e => e.Key, e => (IReadOnlyList<Message>)e.Value);
        return errors.Count > 0
            ? (null, result)
            : (new Campaign(campaignId, title, opensAt, deadline, closesAt, recipients, 0, checklist), result);
    }

    private static List<ChecklistSection> ValidateSections(List<CampaignDefinition.SectionDefinition>? definitions, Action<string, Message> fail)
    {
        var sections = new List<ChecklistSection>();
        var sectionIds = new HashSet<string>();
        var itemIds = new HashSet<string>();
        if (definitions is null or { Count: 0 })
        {
            fail("sections", c => c.SectionsRequired());
            return sections;
        }

        for (var s = 0; s < definitions.Count; s++)
        {
            var section = definitions[s];
            var path = $"sections[{s}]";
            if (section is null)
            {
                fail(path, c => c.NullEntry());
                continue;
            }

            var sectionId = section.Id ?? string.Empty;
            if (!Ids.IsValid(sectionId))
            {
                fail($"{path}.id", c => c.InvalidId(IdKind.Section));
            }
            else if (!sectionIds.Add(sectionId))
            {
                fail($"{path}.id", c => c.DuplicateId(IdKind.Section, sectionId));
            }

            var sectionTitle = TextRules.Normalize(section.Title);
            if (sectionTitle.Length is 0 or > MaxTitleLength || TextRules.HasControlCharacters(sectionTitle, false))
            {
                fail($"{path}.title", c => c.SectionTitleInvalid(MaxTitleLength));
            }

            var items = new List<ChecklistItem>();
            if (section.Items is null or { Count: 0 })
            {
                fail($"{path}.items", c => c.SectionNeedsItems());
            }

            for (var i = 0; i < (section.Items?.Count ?? 0); i++)
            {
                var item = section.Items![i];
                var itemPath = $"{path}.items[{i}]";
                if (item is null)
                {
                    fail(itemPath, c => c.NullEntry());
                    continue;
                }

                var itemId = item.Id ?? string.Empty;
                if (!Ids.IsValid(itemId))
                {
                    fail($"{itemPath}.id", c => c.InvalidId(IdKind.Item));
                }
                else if (!itemIds.Add(itemId))
                {
                    fail($"{itemPath}.id", c => c.DuplicateId(IdKind.Item, itemId));
                }

                var text = TextRules.Normalize(item.Text);
                if (text.Length is 0 or > MaxItemTextLength || TextRules.HasControlCharacters(text, false))
                {
                    fail($"{itemPath}.text", c => c.ItemTextInvalid(MaxItemTextLength));
                }

                items.Add(new ChecklistItem(itemId, text, item.Required));
            }

            sections.Add(new ChecklistSection(sectionId, sectionTitle, items));
        }

        return sections;
    }
}
