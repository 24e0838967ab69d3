namespace TetReadiness.Submissions;

/// <summary>Who signs the report: a readiness report is an official statement of a unit.</summary>
public sealed record Submitter(string Name, string Title, string Phone);
