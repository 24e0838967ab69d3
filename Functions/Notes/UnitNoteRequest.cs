namespace TetReadiness.Notes;

/// <summary>The body of <c>POST …/units/{unitId}/notes</c>.</summary>
public sealed class UnitNoteRequest
{
    public string? Text { get; set; }
}
