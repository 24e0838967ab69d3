using System.Text.RegularExpressions;

namespace TetReadiness.Tests.Infra;

/// <summary>What one Bicep CLI run printed. Any diagnostic line, whatever its level, counts against the file.</summary>
public sealed partial record BicepResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    public string Describe() =>
        $"`bicep {Command}` exited {ExitCode}.\n{StandardError}\n{StandardOutput}".TrimEnd();

    // path(line,col) : Error|Warning|Info CODE: message
    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Error|Warning|Info)\s")]
    private static partial Regex DiagnosticLine();
}
