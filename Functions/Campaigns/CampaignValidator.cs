using TetReadiness.Common;
using TetReadiness.Time;

namespace TetReadiness.Campaigns;

/// <summary>Checks a campaign definition and turns it into a <see cref="Campaign"/> (version not yet assigned).</summary>
public static class CampaignValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxItemTextLength = 500;

    // Day/month forms are refused rather than guessed: 05/02/2027 is 5 February here and 2 May to a US-culture parser.
    private const string IsoTimeRequired =
        "Cần thời điểm ISO 8601, năm trước: 2027-01-30 hoặc 2027-01-30T17:00:00+07:00 (không nhận 30/01/2027). " +
        "(An ISO 8601 time is required, year first: 2027-01-30 or 2027-01-30T17:00:00+07:00; day/month forms such as 30/01/2027 are refused.)";

    public static (Campaign? Campaign, IReadOnlyDictionary<string, string[]> Errors) Validate(string campaignId, CampaignDefinition definition)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string message)
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
            Fail("title", "Thiếu tiêu đề. (Title is required.)");
        }
        else if (title.Length > MaxTitleLength || TextRules.HasControlCharacters(title, allowLineBreaks: false))
        {
            Fail("title", $"Tiêu đề tối đa {MaxTitleLength} ký tự, không có ký tự điều khiển. (Title too long or has control characters.)");
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
            Fail("deadline", "Hạn chót phải sau thời điểm mở. (The deadline must be after the opening.)");
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
                Fail("closesAt", "Thời điểm đóng không được trước hạn chót. (Closing cannot be before the deadline.)");
            }
        }

        var recipients = new List<string>();
        foreach (var (recipient, index) in (definition.DigestRecipients ?? []).Select((r, i) => (r, i)))
        {
            var email = (recipient ?? string.Empty).Trim().ToLowerInvariant();
            if (!Emails.IsValid(email))
            {
                Fail($"digestRecipients[{index}]", "Email không hợp lệ. (Invalid email.)");
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
            Fail("sections", "Danh mục phải có ít nhất một mục. (The checklist needs at least one item.)");
        }
        else if (checklist.ItemCount > Checklist.MaxItems)
        {
            Fail("sections", $"Tối đa {Checklist.MaxItems} mục, để mỗi lần nộp vừa một lô ghi. (At most {Checklist.MaxItems} items.)");
        }
        else if (errors.Count == 0 && StoredChecklist.Serialize(checklist).Length > StoredChecklist.MaxLength)
        {
            // Only text dense in quotes, backslashes or emoji (escaped in JSON) gets here: 98 items of 500 characters fit otherwise.
            Fail("sections", $"Danh mục quá dài để lưu (tối đa {StoredChecklist.MaxLength} ký tự khi lưu). (The checklist is too long to store.)");
        }

        var result = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        return errors.Count > 0
            ? (null, result)
            : (new Campaign(campaignId, title, opensAt, deadline, closesAt, recipients, 0, checklist), result);
    }

    private static List<ChecklistSection> ValidateSections(List<CampaignDefinition.SectionDefinition>? definitions, Action<string, string> fail)
    {
        var sections = new List<ChecklistSection>();
        var sectionIds = new HashSet<string>();
        var itemIds = new HashSet<string>();
        if (definitions is null or { Count: 0 })
        {
            fail("sections", "Danh mục phải có ít nhất một phần. (At least one section is required.)");
            return sections;
        }

        for (var s = 0; s < definitions.Count; s++)
        {
            var section = definitions[s];
            var path = $"sections[{s}]";
            if (section is null)
            {
                fail(path, "Phần trống. (Section is null.)");
                continue;
            }

            var sectionId = section.Id ?? string.Empty;
            if (!Ids.IsValid(sectionId))
            {
                fail($"{path}.id", "Mã phần không hợp lệ (a-z, 0-9, '-'). (Invalid id.)");
            }
            else if (!sectionIds.Add(sectionId))
            {
                fail($"{path}.id", $"Mã phần '{sectionId}' bị lặp. (Duplicate section id.)");
            }

            var sectionTitle = TextRules.Normalize(section.Title);
            if (sectionTitle.Length is 0 or > MaxTitleLength || TextRules.HasControlCharacters(sectionTitle, false))
            {
                fail($"{path}.title", "Tiêu đề phần trống hoặc quá dài. (Section title is empty or too long.)");
            }

            var items = new List<ChecklistItem>();
            if (section.Items is null or { Count: 0 })
            {
                fail($"{path}.items", "Phần phải có ít nhất một mục. (A section needs at least one item.)");
            }

            for (var i = 0; i < (section.Items?.Count ?? 0); i++)
            {
                var item = section.Items![i];
                var itemPath = $"{path}.items[{i}]";
                if (item is null)
                {
                    fail(itemPath, "Mục trống. (Item is null.)");
                    continue;
                }

                var itemId = item.Id ?? string.Empty;
                if (!Ids.IsValid(itemId))
                {
                    fail($"{itemPath}.id", "Mã mục không hợp lệ (a-z, 0-9, '-'). (Invalid id.)");
                }
                else if (!itemIds.Add(itemId))
                {
                    fail($"{itemPath}.id", $"Mã mục '{itemId}' bị lặp. (Duplicate item id.)");
                }

                var text = TextRules.Normalize(item.Text);
                if (text.Length is 0 or > MaxItemTextLength || TextRules.HasControlCharacters(text, false))
                {
                    fail($"{itemPath}.text", $"Nội dung mục trống hoặc dài quá {MaxItemTextLength} ký tự. (Item text is empty or too long.)");
                }

                items.Add(new ChecklistItem(itemId, text, item.Required));
            }

            sections.Add(new ChecklistSection(sectionId, sectionTitle, items));
        }

        return sections;
    }
}
