using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Campaigns;

/// <summary>
/// A row of <c>ChecklistItems</c>: the checklist as rows, a dimension Power BI joins answers to.
/// Partition = campaign id; row key = <c>v{version:0000}|{itemId}</c>, so one version is one range read.
/// </summary>
internal sealed class ChecklistItemEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    public int ChecklistVersion { get; set; }

    public string SectionId { get; set; } = string.Empty;

    public string SectionTitle { get; set; } = string.Empty;

    public int SectionOrder { get; set; }

    public string ItemId { get; set; } = string.Empty;

    public string ItemText { get; set; } = string.Empty;

    public bool Required { get; set; }

    public int ItemOrder { get; set; }

    public static string VersionPrefix(int version) => $"v{version:D4}|";

    public static IEnumerable<ChecklistItemEntity> From(string campaignId, int version, Checklist checklist)
    {
        var order = 0;
        for (var s = 0; s < checklist.Sections.Count; s++)
        {
            var section = checklist.Sections[s];
            foreach (var item in section.Items)
            {
                yield return new ChecklistItemEntity
                {
                    PartitionKey = campaignId,
                    RowKey = VersionPrefix(version) + item.Id,
                    CampaignId = campaignId,
                    ChecklistVersion = version,
                    SectionId = section.Id,
                    SectionTitle = section.Title,
                    SectionOrder = s,
                    ItemId = item.Id,
                    ItemText = item.Text,
                    Required = item.Required,
                    ItemOrder = order++,
                };
            }
        }
    }

    public static Checklist ToChecklist(IEnumerable<ChecklistItemEntity> rows) => new(
        rows.OrderBy(r => r.ItemOrder)
            .GroupBy(r => (r.SectionOrder, r.SectionId, r.SectionTitle))
            .OrderBy(g => g.Key.SectionOrder)
            .Select(g => new ChecklistSection(g.Key.SectionId, g.Key.SectionTitle, g.Select(r => new ChecklistItem(r.ItemId, r.ItemText, r.Required)).ToList()))
            .ToList());
}
