namespace TetReadiness.Submissions;

public sealed record Answer(string ItemId, string SectionId, AnswerStatus Status, string? Note);
