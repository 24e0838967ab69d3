using System.Text.RegularExpressions;
using TetReadiness.Tests.Infra;

namespace TetReadiness.Tests.Architecture;

/// <summary>
/// The app's source files by feature folder (<c>Functions/&lt;Folder&gt;/…</c>), with comments stripped, and the other
/// folders each one refers to. Every folder is its own namespace (<c>TetReadiness.&lt;Folder&gt;</c>) and there are no
/// global usings of them, so a file can only use another folder's types through a <c>using</c> or a qualified name.
/// </summary>
public static partial class FunctionsSources
{
    public static string Root => Path.Combine(InfraPaths.RepositoryRoot, "Functions");

    public static IReadOnlyList<SourceFile> Files { get; } = Load();

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FolderEdges()
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Files.Where(f => f.Folder is not null))
        {
            foreach (Match match in FolderReference().Matches(file.Code))
            {
                var target = match.Groups[1].Value;
                if (target != file.Folder)
                {
                    var from = edges.TryGetValue(file.Folder!, out var existing) ? existing : edges[file.Folder!] = new(StringComparer.Ordinal);
                    from.TryAdd(target, file.RelativePath);
                }
            }
        }

        return edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal);
    }

    private static List<SourceFile> Load() =>
        Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .Select(relative =>
            {
                var slash = relative.IndexOf('/');
                var text = File.ReadAllText(Path.Combine(Root, relative));
                return new SourceFile(relative, slash < 0 ? null : relative[..slash], WithoutComments(text));
            })
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();

    private static string WithoutComments(string text) => Comment().Replace(text, string.Empty);

    [GeneratedRegex(@"\bTetReadiness\.([A-Z][A-Za-z0-9]*)")]
    private static partial Regex FolderReference();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
