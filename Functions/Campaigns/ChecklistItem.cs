namespace TetReadiness.Campaigns;

public sealed record ChecklistItem(string Id, string Text, bool Required);
