namespace TetReadiness.Deadlines;

/// <summary>
/// The body of <c>PUT …/units/{unitId}/deadline</c>. <see cref="Deadline"/> is ISO 8601 as campaign times are: with an
/// offset as given, without one Vietnam time, a date alone 23:59:59 Vietnam time that day.
/// </summary>
public sealed class UnitDeadlineRequest
{
    public string? Deadline { get; set; }

    public string? Reason { get; set; }
}
