namespace TetReadiness.Benchmarks;

public sealed record BenchOptions(string Azurite, string AppDirectory, string Checklist, string Output, string WorkDirectory, string Command, string? Notes, int SmallRoster, int LargeRoster, bool SkipIngest, bool SplitAzurite, double? RunShColdMs, double? RunShWarmMs)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }

        return new BenchOptions(
            Get("azurite"), Get("app"), Get("checklist"), Get("out"), Get("work", Path.GetTempPath()), Get("command", "./bench.sh"),
            Get("notes", string.Empty) is { Length: > 0 } notes ? notes : null,
            int.Parse(Get("small", "600")), int.Parse(Get("large", "6000")), args.Contains("--skip-ingest"), args.Contains("--split-azurite"),
            double.TryParse(Get("run-sh-cold-ms", "-"), out var cold) ? cold : null,
            double.TryParse(Get("run-sh-warm-ms", "-"), out var warm) ? warm : null);
    }
}
