using System.Text.Encodings.Web;
using System.Text.Json;

namespace TetReadiness.Campaigns;

/// <summary>
/// The checklist as JSON in the campaign row, so one conditional write commits a campaign and its checklist together
/// (<c>ChecklistItems</c> is a projection of it for Power BI). A string column holds at most 64 KiB, so the JSON is
/// cut into up to <see cref="MaxParts"/> columns.
/// </summary>
public static class StoredChecklist
{
    public const int PartLength = 30_000;
    public const int MaxParts = 3;
    public const int MaxLength = PartLength * MaxParts;

    // Vietnamese text stays as it is instead of six-character escapes; the JSON never reaches HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(Checklist checklist) => JsonSerializer.Serialize(
        checklist.Sections.Select(s => new Section(s.Id, s.Title, s.Items.Select(i => new Item(i.Id, i.Text, i.Required)).ToList())).ToList(),
        Json);

    public static Checklist Parse(string json)
    {
        var sections = JsonSerializer.Deserialize<List<Section>>(json, Json)
            ?? throw new InvalidDataException("The stored checklist is empty.");
        return new Checklist(sections.Select(s => new ChecklistSection(s.Id, s.Title, s.Items.Select(i => new ChecklistItem(i.Id, i.Text, i.Required)).ToList())).ToList());
    }

    /// <summary>The JSON cut into columns of at most <see cref="PartLength"/> characters; missing parts are null.</summary>
    public static string?[] Split(string json)
    {
        if (json.Length > MaxLength)
        {
            throw new ArgumentException($"The checklist takes {json.Length} characters; at most {MaxLength} are stored.", nameof(json));
        }

        var parts = new string?[MaxParts];
        for (var i = 0; i * PartLength < json.Length; i++)
        {
            parts[i] = json.Substring(i * PartLength, Math.Min(PartLength, json.Length - (i * PartLength)));
        }

        return parts;
    }

    private sealed record Section(string Id, string Title, List<Item> Items);

    private sealed record Item(string Id, string Text, bool Required);
}
