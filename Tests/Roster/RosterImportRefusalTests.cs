using System.Text;
using TetReadiness.Roster;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Roster;

/// <summary>Every refusal of <c>PUT /api/roster</c>: problem+json naming the problem, and the current roster left as it was.</summary>
public sealed class RosterImportRefusalTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private static readonly string WithoutBaVi = string.Join('\n', Seed.RosterCsv.Split('\n').Where(line => !line.StartsWith("ba-vi,", StringComparison.Ordinal)));

    private readonly TestApp app = fixture.App;

    private Task<HttpResponseSnapshot> ImportAsync(string csv, string query = "", string? contentType = "text/csv") =>
        ImportAsync(Encoding.UTF8.GetBytes(csv), query, contentType);

    private Task<HttpResponseSnapshot> ImportAsync(byte[] csv, string query = "", string? contentType = "text/csv")
    {
        var request = HttpCall.Request("PUT", "/api/roster" + query, contentType: contentType);
        request.Body = new MemoryStream(csv);
        request.ContentLength = csv.Length;
        return HttpCall.RunAsync(request, r => app.Create<RosterFunctions>().ImportRoster(r, CancellationToken.None));
    }

    [Fact]
    public async Task A_roster_that_is_not_UTF8_is_refused_naming_the_problem_and_nothing_is_written()
    {
        var windows1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;
        var bytes = windows1258.GetBytes(WithoutBaVi);

        var problem = await ProblemAssert.RefusedAsync(app, 400, "not valid UTF-8", () => ImportAsync(bytes));

        Assert.Contains("CSV UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Latin1_roster_is_refused_too()
    {
        await ProblemAssert.RefusedAsync(app, 400, "not valid UTF-8",
            () => ImportAsync(Encoding.Latin1.GetBytes("district_id,district_name,unit_id,unit_name,officer_emails\nhue,Thành phố Huế,hue-ubnd,UBND Huế,\n")));
    }

    [Fact]
    public async Task Rows_that_disagree_about_a_district_are_refused_naming_the_rows_and_nothing_is_written()
    {
        var csv =
            "district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,,dieuphoi@ba-dinh.invalid\n" +
            "ba-dinh,Q. Ba Đình,ba-dinh-ttyt,Trung tâm Y tế Ba Đình,,\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-cho,BQL chợ Ngọc Hà,,khac@ba-dinh.invalid\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ca,Công an Quận Ba Đình,,\n";

        var problem = await ProblemAssert.RefusedAsync(app, 400, "2 rejected rows; nothing was written", () => ImportAsync(csv));

        var errors = ProblemAssert.Errors(problem);
        Assert.Equal(["row 3", "row 4"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("name", errors["row 3"][0], StringComparison.Ordinal);
        Assert.Contains("coordinators", errors["row 4"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_formula_in_a_cell_is_refused_and_nothing_is_written()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "rejected rows",
            () => ImportAsync("district_id,district_name,unit_id,unit_name,officer_emails\nba-dinh,Quận Ba Đình,ba-dinh-ubnd,=HYPERLINK(\"http://x.invalid\"),\n"));

        Assert.Contains("formula", Assert.Single(ProblemAssert.Errors(problem)["row 2"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_with_a_missing_column_is_refused_and_nothing_is_written()
    {
        var problem = await ProblemAssert.RefusedAsync(app, 400, "rejected rows",
            () => ImportAsync("district_id,district_name,unit_id,unit_name\nba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND\n"));

        Assert.Contains("officer_emails", Assert.Single(ProblemAssert.Errors(problem)["header"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_roster_is_refused_and_nothing_is_written()
    {

        var problem = await ProblemAssert.RefusedAsync(app, 400, "rejected rows", () => ImportAsync(""));

        Assert.Contains("empty", Assert.Single(ProblemAssert.Errors(problem)["header"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("text/csv; charset=windows-1258")]
    [InlineData(null)]
    public async Task A_roster_that_is_not_UTF8_CSV_is_an_unsupported_media_type(string? contentType)
    {
        await ProblemAssert.RefusedAsync(app, 415, "text/csv", () => ImportAsync(Seed.RosterCsv, contentType: contentType));
    }

    [Fact]
    public async Task A_roster_over_20_MiB_is_too_large()
    {
        var huge = new byte[RosterImporter.MaxBytes + 1];
        Array.Fill(huge, (byte)'a');

        await ProblemAssert.RefusedAsync(app, 413, "20480 KiB", () => ImportAsync(huge));
    }

    [Fact]
    public async Task An_area_level_that_looks_like_a_formula_is_refused()
    {
        await ProblemAssert.RefusedAsync(app, 400, "areaLevel", () => ImportAsync(Seed.RosterCsv, "?areaLevel=%3D1%2B1"));
    }
}
