namespace TetReadiness.Tests.Infra;

/// <summary>What one run of a hook script did.</summary>
public sealed record HookRun(int ExitCode, string Output, string Error)
{
    public string Describe() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
