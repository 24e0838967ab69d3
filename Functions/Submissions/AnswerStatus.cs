namespace TetReadiness.Submissions;

/// <summary>How ready one checklist item is. Written to storage and JSON as <c>ready | partial | not_ready | not_applicable</c>.</summary>
public enum AnswerStatus
{
    Ready,
    Partial,
    NotReady,
    NotApplicable,
}
