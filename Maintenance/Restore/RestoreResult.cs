namespace TetReadiness.Maintenance.Restore;

public sealed record RestoreResult(string Date, IReadOnlyList<RestoredTable> Tables)
{
    public long Rows => Tables.Sum(t => t.Rows);
}
