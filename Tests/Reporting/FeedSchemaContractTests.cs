using System.Text.Json;
using System.Text.RegularExpressions;
using TetReadiness.FeedSchema;
using TetReadiness.Reporting;

using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Reporting;

/// <summary>
/// The feed, docs/power-bi-schema.json and docs/power-bi.md describe the same tables and columns: a column added,
/// renamed or retyped in one of them and not the others fails here.
/// </summary>
public sealed class FeedSchemaContractTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    public static TheoryData<string> FeedTableNames() => new(PowerBiSchema.Tables.Select(t => t.Name));

    [Fact]
    public void The_feed_serves_exactly_the_tables_the_schema_documents()
    {
        Assert.Equal(PowerBiSchema.Tables.Select(t => t.Name), FeedTables.All.Select(t => t.Name));
        Assert.Equal(PowerBiSchema.Tables.Select(t => t.SourceTable), FeedTables.All.Select(t => t.SourceTable));
        Assert.Equal(PowerBiSchema.Tables.Select(t => t.PerCampaign), FeedTables.All.Select(t => t.IsReadPerCampaign));
    }

    [Theory]
    [MemberData(nameof(FeedTableNames))]
    public void Each_feed_table_declares_the_schema_columns_in_order_with_their_types(string table)
    {
        var documented = PowerBiSchema.Table(table).Columns.Select(c => (c.Name, c.Type));
        var served = FeedTables.Find(table)!.Columns.Select(c => (c.Name, SchemaType(c.Type)));
        Assert.Equal(documented, served);
    }

    [Theory]
    [MemberData(nameof(FeedTableNames))]
    public async Task Each_feed_endpoint_returns_rows_with_exactly_the_documented_columns_and_types(string table)
    {
        var response = await FeedCall.GetAsync(fixture.App, table);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        var columns = PowerBiSchema.Table(table).Columns;
        Assert.NotEmpty(response.Rows);
        foreach (var row in response.Rows)
        {
            Assert.Equal(columns.Select(c => c.Name), row.EnumerateObject().Select(p => p.Name));
            foreach (var column in columns)
            {
                var value = row.GetProperty(column.Name);
                Assert.True(HasType(value, column.Type), $"{table}.{column.Name} should be {column.Type}, was {value.GetRawText()}");
            }
        }

        // Every column carries a value in at least one row, so none is silently read from a misspelled property.
        var nullable = new HashSet<string>(StringComparer.Ordinal) { "deactivatedAtUtc", "deactivatedAtDate", "deactivatedAtTime", "rosterFrozenAtUtc", "rosterFrozenAtDate", "rosterFrozenAtTime", "claimedAtUtc", "claimedAtDate", "claimedAtTime" };
        foreach (var column in columns.Where(c => !nullable.Contains(c.Name)))
        {
            Assert.True(response.Rows.Any(r => r.GetProperty(column.Name).ValueKind != JsonValueKind.Null), $"{table}.{column.Name} is null in every row");
        }
    }

    [Theory]
    [MemberData(nameof(FeedTableNames))]
    public async Task Each_feed_endpoint_writes_the_documented_columns_as_its_csv_header(string table)
    {
        var response = await FeedCall.GetAsync(fixture.App, table, "format=csv");

        Assert.Equal(200, response.Status);
        var header = response.Text.TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.Equal(string.Join(',', PowerBiSchema.Table(table).Columns.Select(c => c.Name)), header);
    }

    [Fact]
    public async Task Each_feed_endpoint_returns_the_rows_its_source_table_holds()
    {
        var app = fixture.App;
        async Task<int> Count(string table, Func<Azure.Data.Tables.TableEntity, bool>? where = null) =>
            (await app.ReadAllAsync(table)).Count(where ?? (_ => true));

        var expected = new Dictionary<string, int>
        {
            ["districts"] = await Count(TableNames.Districts),
            ["units"] = await Count(TableNames.Units) + await Count(TableNames.CampaignUnits),
            ["campaigns"] = await Count(TableNames.Campaigns),
            ["checklist-items"] = await Count(TableNames.ChecklistItems),
            ["submissions"] = await Count(TableNames.Submissions, r => r.GetInt32("Revision") > 0),
            ["revisions"] = await Count(TableNames.SubmissionRevisions, r => r.GetString("RowType") == "revision"),
            ["answers"] = await Count(TableNames.Answers),
            ["reviews"] = await Count(TableNames.Reviews),
            ["reminders"] = await Count(TableNames.Reminders),
            ["status-snapshots"] = await Count(TableNames.StatusSnapshots),
            ["unit-deadlines"] = await Count(TableNames.UnitDeadlines),
        };
        Assert.Equal(new Dictionary<string, int>
        {
            ["districts"] = 3,
            ["units"] = 8,
            ["campaigns"] = 2,
            ["checklist-items"] = 6,
            ["submissions"] = 2,
            ["revisions"] = 3,
            ["answers"] = 6,
            ["reviews"] = 1,
            ["reminders"] = 1,
            ["status-snapshots"] = 4,
            ["unit-deadlines"] = 1,
        }, expected);

        foreach (var (table, count) in expected)
        {
            Assert.True(count == (await FeedCall.GetAsync(app, table)).Rows.Count, $"feed {table} should return {count} rows");
        }

        var units = (await FeedCall.GetAsync(app, "units", "campaign=" + FeedFixture.ClosedCampaign)).Rows;
        Assert.Equal(4, units.Count);
        Assert.All(units, u => Assert.Equal("frozen", u.GetProperty("rosterSource").GetString()));
        Assert.All((await FeedCall.GetAsync(app, "units", "campaign=" + FeedFixture.Campaign)).Rows, u => Assert.Equal("current", u.GetProperty("rosterSource").GetString()));
        Assert.Equal(2, (await FeedCall.GetAsync(app, "revisions", "campaign=" + FeedFixture.Campaign)).Rows.Count(r => r.GetProperty("unitId").GetString() == "ba-dinh-ubnd"));
        Assert.Empty((await FeedCall.GetAsync(app, "answers", "campaign=" + FeedFixture.ClosedCampaign)).Rows);
    }

    [Fact]
    public async Task Every_time_comes_in_utc_and_as_the_vietnam_date_and_time()
    {
        var submission = (await FeedCall.GetAsync(fixture.App, "submissions", "campaign=" + FeedFixture.Campaign)).Rows
            .Single(r => r.GetProperty("unitId").GetString() == "hoan-kiem-ubnd");

        // The test clock says 2024-01-20 09:00 in Vietnam: 02:00 UTC.
        Assert.Equal("2024-01-20T02:00:00Z", submission.GetProperty("submittedAtUtc").GetString());
        Assert.Equal("2024-01-20", submission.GetProperty("submittedAtDate").GetString());
        Assert.Equal("09:00:00", submission.GetProperty("submittedAtTime").GetString());
        Assert.Equal("hoan-kiem-ubnd", submission.GetProperty("campaignUnitKey").GetString()!.Split('|')[1]);
        Assert.True(DateTimeOffset.Parse(submission.GetProperty("modifiedAtUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddHours(-1));

        var deadline = (await FeedCall.GetAsync(fixture.App, "campaigns", "campaign=" + FeedFixture.Campaign)).Rows.Single();
        Assert.Equal("2024-01-31T16:59:59Z", deadline.GetProperty("deadlineUtc").GetString());
        Assert.Equal("2024-01-31", deadline.GetProperty("deadlineDate").GetString());
        Assert.Equal("23:59:59", deadline.GetProperty("deadlineTime").GetString());
    }

    [Fact]
    public void Every_relationship_of_the_schema_joins_columns_that_exist_and_the_doc_draws_it()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ReportingPaths.Schema));
        var columns = schema.RootElement.GetProperty("tables").EnumerateArray()
            .Concat(schema.RootElement.GetProperty("calculatedTables").EnumerateArray())
            .SelectMany(t => t.GetProperty("columns").EnumerateArray().Select(c => $"{(t.TryGetProperty("powerBiName", out var name) ? name : t.GetProperty("name")).GetString()}[{c.GetProperty("name").GetString()}]"))
            .ToHashSet(StringComparer.Ordinal);
        var doc = File.ReadAllText(ReportingPaths.Doc);
        foreach (var relationship in schema.RootElement.GetProperty("relationships").EnumerateArray())
        {
            string Get(string name) => relationship.GetProperty(name).GetString()!;
            Assert.Contains($"{Get("fromTable")}[{Get("fromColumn")}]", columns);
            Assert.Contains($"{Get("toTable")}[{Get("toColumn")}]", columns);
            Assert.Matches(new Regex(Regex.Escape(Get("toTable")) + @" \|\|--o[|{] " + Regex.Escape(Get("fromTable")) + " : \"" + Regex.Escape(Get("fromColumn")) + "\""), doc);
        }
    }

    [Fact]
    public void The_power_bi_doc_describes_every_table_and_column_of_the_schema()
    {
        var doc = File.ReadAllText(ReportingPaths.Doc);
        foreach (var table in PowerBiSchema.Tables)
        {
            var section = Section(doc, table);
            foreach (var column in table.Columns)
            {
                Assert.True(section.Contains($"`{column.Name}`", StringComparison.Ordinal), $"docs/power-bi.md, section of {table.Name}, does not mention `{column.Name}`");
            }
        }

        foreach (var measure in new[] { "Reporting rate", "On-time rate", "Mean readiness", "Units missing", "Items not ready" })
        {
            Assert.Matches(new Regex($@"^{Regex.Escape(measure)} =", RegexOptions.Multiline), doc);
        }
    }

    [Fact]
    public void The_doc_and_the_schema_name_no_column_the_feed_does_not_serve()
    {
        var doc = File.ReadAllText(ReportingPaths.Doc);
        foreach (var table in PowerBiSchema.Tables)
        {
            var section = Section(doc, table);
            var served = FeedTables.Find(table.Name)!.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var tableRows = Regex.Matches(section, @"^\| `(?<column>[A-Za-z]+)` \|", RegexOptions.Multiline).Select(m => m.Groups["column"].Value);
            Assert.All(tableRows, column => Assert.True(served.Contains(column), $"docs/power-bi.md documents {table.Name}.{column}, which the feed does not serve"));
        }
    }

    private static string Section(string doc, SchemaTable table)
    {
        var heading = Regex.Match(doc, $@"^### .*`{Regex.Escape(table.Name)}`.*$", RegexOptions.Multiline);
        Assert.True(heading.Success, $"docs/power-bi.md has no '### ...`{table.Name}`...' heading");
        var rest = doc[(heading.Index + heading.Length)..];
        var next = Regex.Match(rest, "^##", RegexOptions.Multiline);
        return next.Success ? rest[..next.Index] : rest;
    }

    private static string SchemaType(FeedColumnType type) => type switch
    {
        FeedColumnType.Text => "text",
        FeedColumnType.Int => "int",
        FeedColumnType.Number => "number",
        FeedColumnType.Bool => "bool",
        FeedColumnType.DateTimeUtc => "datetime",
        FeedColumnType.Date => "date",
        FeedColumnType.Time => "time",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static bool HasType(JsonElement value, string type) => value.ValueKind == JsonValueKind.Null || type switch
    {
        "text" => value.ValueKind == JsonValueKind.String,
        "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "bool" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "datetime" => value.ValueKind == JsonValueKind.String && Regex.IsMatch(value.GetString()!, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$"),
        "date" => value.ValueKind == JsonValueKind.String && Regex.IsMatch(value.GetString()!, @"^\d{4}-\d{2}-\d{2}$"),
        "time" => value.ValueKind == JsonValueKind.String && Regex.IsMatch(value.GetString()!, @"^\d{2}:\d{2}:\d{2}$"),
        _ => false,
    };
}
