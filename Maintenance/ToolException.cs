namespace TetReadiness.Maintenance;

/// <summary>A refusal or a usage error: the command stops with this message and exit code 2.</summary>
public sealed class ToolException(string message) : Exception(message);
