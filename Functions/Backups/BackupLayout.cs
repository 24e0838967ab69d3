using System.Globalization;

namespace TetReadiness.Backups;

/// <summary>
/// Where an export lives in the container: one folder per Vietnam calendar day, one gzip'd JSON-lines blob per table
/// (<c>2027-01-20/Submissions.jsonl.gz</c>) and the day's <c>manifest.json</c>, written last.
/// </summary>
public static class BackupLayout
{
    public const string ManifestName = "manifest.json";

    public static string Folder(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TableBlob(DateOnly date, string table) => $"{Folder(date)}/{table}.jsonl.gz";

    public static string Manifest(DateOnly date) => $"{Folder(date)}/{ManifestName}";

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
