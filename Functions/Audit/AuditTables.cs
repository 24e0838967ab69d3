namespace TetReadiness.Audit;

/// <summary>The table the audit log owns; only the audit log names it.</summary>
public static class AuditTables
{
    public const string AuditLog = "AuditLog";

    public static IReadOnlyList<string> All { get; } = [AuditLog];
}
