namespace TetReadiness.Maintenance;

/// <summary>The command line: a command, its target (a date or a campaign id), and the options.</summary>
public sealed record ToolArguments(string Command, string? Target, IReadOnlyList<string>? Tables, bool Replace, bool DryRun, bool Force, string? Settings, string? Operator)
{
    public static ToolArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            throw new ToolException(ToolCommand.Usage);
        }

        string? target = null, settings = null, @operator = null;
        IReadOnlyList<string>? tables = null;
        bool replace = false, dryRun = false, force = false;
        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ToolException($"{args[i]} needs a value.\n{ToolCommand.Usage}");
            switch (args[i])
            {
                case "--tables":
                    tables = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--replace":
                    replace = true;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--force":
                    force = true;
                    break;
                case "--settings":
                    settings = Value();
                    break;
                case "--operator":
                    @operator = Value();
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ToolException($"Unknown option {option}.\n{ToolCommand.Usage}");
                default:
                    target = target is null ? args[i] : throw new ToolException($"Unexpected argument '{args[i]}'.\n{ToolCommand.Usage}");
                    break;
            }
        }

        return new ToolArguments(args[0], target, tables, replace, dryRun, force, settings, @operator);
    }
}
