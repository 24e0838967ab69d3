using Azure.Data.Tables;
using TetReadiness.Identity;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Submissions;

/// <summary>
/// <see cref="ISubmissionReports.ReadDifficultiesAndProposalsAsync"/> against Azurite: the filter on the columns is
/// applied by storage, and a row without them (left blank, or written before they existed) is not returned.
/// </summary>
public sealed class DifficultiesAndProposalsReadTests
{
    private const string Campaign = "tet-2024";

    [Fact]
    public async Task Only_the_latest_rows_holding_difficulties_or_proposals_are_read_for_the_campaign_or_one_area()
    {
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await Seed.RosterAndCampaignAsync(app);
        await SubmitAsync(app, "ba-dinh-ubnd", difficulties: "Thiếu bình chữa cháy.");
        await SubmitAsync(app, "ba-dinh-ttyt", proposals: "Bổ sung thuốc dự phòng.");
        await SubmitAsync(app, "hoan-kiem-ubnd", difficulties: "  ", proposals: null);
        await SubmitAsync(app, "ba-vi-ubnd", difficulties: "Đường vào xã sạt lở.");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await SubmitAsync(app, "ba-vi-ubnd"); // the latest revision says nothing more: the unit is not listed

        var reports = app.Get<ISubmissionReports>();
        var city = await reports.ReadDifficultiesAndProposalsAsync(Campaign, null, CancellationToken.None);
        var baDinh = await reports.ReadDifficultiesAndProposalsAsync(Campaign, "ba-dinh", CancellationToken.None);
        var hoanKiem = await reports.ReadDifficultiesAndProposalsAsync(Campaign, "hoan-kiem", CancellationToken.None);

        Assert.Equal(["ba-dinh-ttyt", "ba-dinh-ubnd"], city.Select(r => r.UnitId).Order(StringComparer.Ordinal));
        var ubnd = city.Single(r => r.UnitId == "ba-dinh-ubnd");
        Assert.Equal(("UBND Quận Ba Đình", "ba-dinh", 1, "Thiếu bình chữa cháy.", (string?)null), (ubnd.UnitName, ubnd.DistrictId, ubnd.Revision, ubnd.Difficulties, ubnd.Proposals));
        Assert.Equal(("Bổ sung thuốc dự phòng.", (string?)null), (city.Single(r => r.UnitId == "ba-dinh-ttyt").Proposals, city.Single(r => r.UnitId == "ba-dinh-ttyt").Difficulties));
        Assert.Equal(["ba-dinh-ttyt", "ba-dinh-ubnd"], baDinh.Select(r => r.UnitId).Order(StringComparer.Ordinal));
        Assert.Empty(hoanKiem);
    }

    [Fact]
    public async Task Azurite_compares_a_missing_property_as_false_as_Azure_does()
    {
        await using var app = await TestApp.StartAsync();
        var table = app.Tables.Submissions;
        await table.AddEntityAsync(new TableEntity(Campaign, "a|without"));
        await table.AddEntityAsync(new TableEntity(Campaign, "a|with") { ["Difficulties"] = "Có" });
        await table.AddEntityAsync(new TableEntity(Campaign, "a|empty") { ["Difficulties"] = string.Empty });

        async Task<string[]> KeysAsync(string filter)
        {
            var keys = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter))
            {
                keys.Add(row.RowKey);
            }

            return [.. keys.Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["a|with"], await KeysAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Campaign} and Difficulties gt {string.Empty}")));
        Assert.Equal(["a|with"], await KeysAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Campaign} and (Difficulties gt {string.Empty} or Proposals gt {string.Empty})")));
        Assert.Equal(["a|with"], await KeysAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Campaign} and Difficulties ne {string.Empty}")));
    }

    private static Task SubmitAsync(TestApp app, string unitId, string? difficulties = null, string? proposals = null)
    {
        var request = Seed.Answers();
        request.Difficulties = difficulties;
        request.Proposals = proposals;
        return app.Get<SubmissionService>().SubmitAsync(
            Campaign, unitId, _ => Task.FromResult(request), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
    }
}
