namespace TetReadiness.Campaigns;

/// <summary>The checklist a campaign asks for: sections of items. Item ids stay stable from year to year.</summary>
public sealed record Checklist(IReadOnlyList<ChecklistSection> Sections)
{
    public const int MaxItems = 98;

    public IEnumerable<(ChecklistSection Section, ChecklistItem Item)> Items =>
        Sections.SelectMany(section => section.Items.Select(item => (section, item)));

    public int ItemCount => Sections.Sum(s => s.Items.Count);

    public bool SameAs(Checklist other) =>
        Sections.Count == other.Sections.Count
        && Sections.Zip(other.Sections).All(pair =>
            pair.First.Id == pair.Second.Id && pair.First.Title == pair.Second.Title
            && pair.First.Items.SequenceEqual(pair.Second.Items));
}
