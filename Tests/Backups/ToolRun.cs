namespace TetReadiness.Tests.Backups;

/// <summary>One run of the maintenance tool: its exit code and what it printed.</summary>
public sealed record ToolRun(int Exit, string Output, string Error)
{
    public override string ToString() => $"exit {Exit}\n{Output}\n{Error}";
}
