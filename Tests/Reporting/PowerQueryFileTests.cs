namespace TetReadiness.Tests.Reporting;

/// <summary>The M queries in infra/powerbi: one per schema table and way in, well formed, naming every column of their table.</summary>
public sealed class PowerQueryFileTests
{
    public static TheoryData<string> QueryFiles() =>
        new(Directory.GetFiles(ReportingPaths.PowerBiDirectory, "*.pq", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ReportingPaths.PowerBiDirectory, f)).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_schema_table_has_one_feed_query_and_one_direct_table_query_and_nothing_else()
    {
        var tables = PowerBiSchema.Tables.Select(t => t.PowerBiName + ".pq").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(tables, Directory.GetFiles(ReportingPaths.FeedQueries, "*.pq").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(tables, Directory.GetFiles(ReportingPaths.TableQueries, "*.pq").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Each_query_file_is_well_formed_m(string file)
    {
        var (problems, _) = MStructure.Read(File.ReadAllText(Path.Combine(ReportingPaths.PowerBiDirectory, file)));

        Assert.True(problems.Count == 0, $"{file}: {string.Join("; ", problems)}");
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Each_table_query_names_every_column_of_its_schema_table(string file)
    {
        var table = PowerBiSchema.Tables.SingleOrDefault(t => t.PowerBiName == Path.GetFileNameWithoutExtension(file));
        if (Path.GetDirectoryName(file) == "parameters")
        {
            Assert.Null(table);
            return;
        }

        Assert.NotNull(table);
        var (_, literals) = MStructure.Read(File.ReadAllText(Path.Combine(ReportingPaths.PowerBiDirectory, file)));
        var missing = table.Columns.Select(c => c.Name).Where(name => !literals.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"{file} does not name {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Each_feed_query_uses_a_static_base_url_and_passes_the_key_as_the_web_api_credential(string file)
    {
        if (Path.GetDirectoryName(file) != "feed")
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(ReportingPaths.PowerBiDirectory, file));
        var table = PowerBiSchema.Tables.Single(t => t.PowerBiName == Path.GetFileNameWithoutExtension(file));
        Assert.Contains("Web.Contents(\n            FeedBaseUrl,", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"RelativePath = \"api/feed/{table.Name}\"", text, StringComparison.Ordinal);
        Assert.Contains("ApiKeyName = \"key\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("let a = 1 in a", 0)]
    [InlineData("let a = \"(\" in a", 0)]
    [InlineData("let a = #\"x\"\"\" in a // ( [", 0)]
    [InlineData("let a = (1 in a", 1)]
    [InlineData("let a = 1", 1)]
    [InlineData("let a = {1, 2] in a", 2)]
    [InlineData("let a = \"open in a", 2)]
    [InlineData("a in b", 1)]
    public void The_m_reader_finds_unbalanced_brackets_quotes_and_let_without_in(string text, int problems) =>
        Assert.Equal(problems, MStructure.Read(text).Problems.Count);
}
