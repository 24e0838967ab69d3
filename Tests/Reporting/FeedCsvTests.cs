using System.Text;
using TetReadiness.Reporting;

namespace TetReadiness.Tests.Reporting;

/// <summary>CSV that Excel opens as written: UTF-8 with a BOM, RFC 4180 quoting, and no cell that runs as a formula.</summary>
public sealed class FeedCsvTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    [Fact]
    public async Task Csv_starts_with_a_utf8_bom_and_keeps_vietnamese_intact()
    {
        var response = await FeedCall.GetAsync(fixture.App, "districts", "format=csv");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/csv; charset=utf-8", response.ContentType);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), response.Bytes[..3]);
        Assert.Contains("attachment; filename=\"districts.csv\"", response.Headers["Content-Disposition"], StringComparison.Ordinal);
        var lines = response.Text[1..].Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("ba-dinh,Quận Ba Đình,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("hoan-kiem,Quận Hoàn Kiếm,", StringComparison.Ordinal));
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public async Task Csv_quotes_commas_quotes_and_line_breaks_and_neutralises_formula_cells()
    {
        var response = await FeedCall.GetAsync(fixture.App, "answers", $"format=csv&campaign={FeedFixture.Campaign}");

        var records = ParseRfc4180(response.Text[1..]);
        var header = records[0];
        var notes = records.Skip(1).Select(r => r[Array.IndexOf(header, "note")]).ToList();
        Assert.Contains(FeedFixture.QuotedNote, notes);
        Assert.Contains("'" + FeedFixture.FormulaNote, notes);
        Assert.Contains("'" + FeedFixture.MinusNote, notes);
        Assert.All(records, r => Assert.Equal(header.Length, r.Length));
        Assert.Contains("\"Đã kiểm tra, \"\"đạt\"\"\nCòn thiếu 2 bình chữa cháy\"", response.Text, StringComparison.Ordinal);

        // JSON is data, not a spreadsheet: it keeps the text exactly.
        var json = await FeedCall.GetAsync(fixture.App, "answers", $"campaign={FeedFixture.Campaign}");
        Assert.Contains(json.Rows, r => r.GetProperty("note").GetString() == FeedFixture.FormulaNote);
    }

    [Fact]
    public async Task Revisions_and_submissions_carry_each_revisions_difficulties_and_proposals_as_columns_neutralised_in_csv()
    {
        var json = await FeedCall.GetAsync(fixture.App, "revisions", $"campaign={FeedFixture.Campaign}");

        var hoanKiem = Assert.Single(json.Rows, r => r.GetProperty("unitId").GetString() == "hoan-kiem-ubnd");
        Assert.Equal((FeedFixture.Difficulties, FeedFixture.FormulaNote), (hoanKiem.GetProperty("difficulties").GetString(), hoanKiem.GetProperty("proposals").GetString()));
        Assert.All(json.Rows.Where(r => r.GetProperty("unitId").GetString() == "ba-dinh-ubnd"), r =>
            Assert.Equal((System.Text.Json.JsonValueKind.Null, System.Text.Json.JsonValueKind.Null), (r.GetProperty("difficulties").ValueKind, r.GetProperty("proposals").ValueKind)));
        var latest = await FeedCall.GetAsync(fixture.App, "submissions", $"campaign={FeedFixture.Campaign}");
        Assert.Contains(latest.Rows, r => r.GetProperty("difficulties").GetString() == FeedFixture.Difficulties);

        var csv = await FeedCall.GetAsync(fixture.App, "revisions", $"format=csv&campaign={FeedFixture.Campaign}");
        var records = ParseRfc4180(csv.Text[1..]);
        var row = records.Single(r => r.Contains("hoan-kiem-ubnd"));
        Assert.Equal(FeedFixture.Difficulties, row[Array.IndexOf(records[0], "difficulties")]);
        Assert.Equal("'" + FeedFixture.FormulaNote, row[Array.IndexOf(records[0], "proposals")]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84 912 345 678", "'+84 912 345 678")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Chợ Đồng Xuân", "Chợ Đồng Xuân")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Text_cells_that_would_run_as_formulas_are_prefixed_with_a_quote(string text, string cell) =>
        Assert.Equal(cell, CsvCell.Text(text));

    [Theory]
    [InlineData("Hà Nội, Việt Nam", "\"Hà Nội, Việt Nam\"")]
    [InlineData("nói \"đạt\"", "\"nói \"\"đạt\"\"\"")]
    [InlineData("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"")]
    [InlineData("dòng 1\r\ndòng 2", "\"dòng 1\r\ndòng 2\"")]
    [InlineData("plain", "plain")]
    public void Cells_with_commas_quotes_or_line_breaks_are_quoted_as_rfc_4180_says(string text, string cell) =>
        Assert.Equal(cell, CsvCell.Text(text));

    /// <summary>A strict RFC 4180 reader: CRLF between records, quoted fields may hold anything.</summary>
    private static List<string[]> ParseRfc4180(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (field.Length == 0 && text[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }

                Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', $"text after a closing quote at {i}");
            }
            else if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else
            {
                Assert.True(text[i] is not '"' and not '\n' and not '\r', $"unquoted special character at {i}");
                field.Append(text[i++]);
            }
        }

        Assert.Empty(fields);
        return records;
    }
}
