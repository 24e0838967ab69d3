using System.Reflection;
using System.Text.RegularExpressions;

namespace TetReadiness.Tests.Architecture;

public sealed class TableOwnershipTests
{
    /// <summary>Each feature's <c>*Tables</c> class: its folder, its name, and the table names it declares.</summary>
    public static TheoryData<string, string> Declarations()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in Declared())
        {
            data.Add(type.Namespace!["TetReadiness.".Length..], type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Only_the_owning_feature_names_its_tables(string folder, string declaration)
    {
        var names = Declared().Single(t => t.Name == declaration)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var declarationPattern = new Regex($@"\b{declaration}\b");

        var outsiders = FunctionsSources.Files
            .Where(f => f.Folder != folder)
            .Where(f => declarationPattern.IsMatch(f.Code) || names.Any(n => f.Code.Contains('"' + n + '"', StringComparison.Ordinal)))
            .Select(f => f.RelativePath)
            .ToList();

        Assert.True(outsiders.Count == 0, $"{folder}'s tables ({string.Join(", ", names)}) are named outside {folder}/: {string.Join(", ", outsiders)}");
    }

    [Fact]
    public void Every_feature_declares_its_tables_and_no_table_has_two_owners()
    {
        var names = Declared()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Superset(
            new HashSet<string> { "Units", "Districts", "CampaignUnits", "RosterImports", "Campaigns", "ChecklistVersions", "ChecklistItems", "Submissions", "SubmissionRevisions", "Answers", "Reminders", "Digests", "StatusSnapshots", "AuditLog" },
            names.ToHashSet());
    }

    [Fact]
    public void No_shared_bag_of_table_clients_remains()
    {
        Assert.DoesNotContain(FunctionsSources.Files, f => Regex.IsMatch(f.Code, @"\b(StorageTables|TableNames)\b"));
    }

    private static IEnumerable<Type> Declared() =>
        typeof(TetReadiness.Storage.OwnedTable).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Tables", StringComparison.Ordinal) && t.Namespace is { } ns && ns.Count(c => c == '.') == 1)
            .Where(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsLiteral && f.FieldType == typeof(string)))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
