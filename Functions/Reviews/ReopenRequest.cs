namespace TetReadiness.Reviews;

/// <summary>The body of <c>POST .../reopen-request</c> (<see cref="Reason"/>) and of <c>POST .../reopen</c> (<see cref="Comment"/>).</summary>
public sealed class ReopenRequest
{
    public string? Reason { get; set; }

    public string? Comment { get; set; }
}
