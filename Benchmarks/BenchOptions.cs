namespace TetReadiness.Benchmarks;

public sealed record BenchOptions(
    string Azurite,
    string AppDirectory,
    string Checklist,
    string Output,
    string WorkDirectory,
    string Command,
    string? Notes,
    int SmallRoster,
    int LargeRoster,
    bool SkipIngest,
    bool SplitAzurite,
    double? RunShColdMs,
    double? RunShWarmMs,
    string? Only,
    IReadOnlyList<int> PageSizes,
    int PageLoads,
    int? PageMaxSubmissions,
    string? Revision)
{
    /// <summary>The sections <c>--only</c> accepts.</summary>
    public const string PageLoadSection = "page-load";

    public bool RunsPageLoads => Only is null or PageLoadSection;

    public bool RunsEverything => Only is null;

    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string? fallback = null)
        {
            var index = Array.LastIndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }

        var only = Get("only", "-") is var section && section != "-" ? section : null;
        if (only is not null and not PageLoadSection)
        {
            throw new ArgumentException($"--only accepts '{PageLoadSection}'");
        }

        var pageSizes = Get("page-sizes", "600,6000,60000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).ToList();
        return new BenchOptions(
            Get("azurite"), Get("app"), Get("checklist"), Get("out"), Get("work", Path.GetTempPath()), Get("command", "./bench.sh"),
            Get("notes", string.Empty) is { Length: > 0 } notes ? notes : null,
            int.Parse(Get("small", "600")), int.Parse(Get("large", "6000")), args.Contains("--skip-ingest"), args.Contains("--split-azurite"),
            double.TryParse(Get("run-sh-cold-ms", "-"), out var cold) ? cold : null,
            double.TryParse(Get("run-sh-warm-ms", "-"), out var warm) ? warm : null,
            only,
            args.Contains("--skip-page-load") ? [] : pageSizes,
            int.Parse(Get("page-loads", "5")),
            int.TryParse(Get("page-max-submissions", "-"), out var cap) ? cap : null,
            Get("revision", "-") is var revision && revision != "-" ? revision : null);
    }
}
