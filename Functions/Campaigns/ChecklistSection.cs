namespace TetReadiness.Campaigns;

public sealed record ChecklistSection(string Id, string Title, IReadOnlyList<ChecklistItem> Items);
