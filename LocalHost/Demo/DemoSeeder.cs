using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Hosting;
using TetReadiness.Http;
using TetReadiness.Identity;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.LocalHost.Demo;

/// <summary>
/// Seeds demo data through the same services the API uses: the 2024 Hanoi roster, Tết Giáp Thìn 2024 (closed,
/// fully reported), Tết Đinh Mùi 2027 (not open yet), and two trial campaigns dated from today so that reminders,
/// overdue escalation and the digest all have something to show. Safe to run again: units that have reported are left alone.
/// </summary>
public sealed class DemoSeeder(
    RosterImporter roster,
    CampaignService campaigns,
    SubmissionService submissions,
    StatusService status,
    IEnumerable<OwnedTable> ownedTables,
    TableClients tables,
    DemoClock clock,
    ILogger<DemoSeeder> logger)
{
    public const string Flag = "--seed-demo";

    public static bool IsRequested(string[] args) => args.Contains(Flag);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args.Where(a => a != Flag).ToArray(), ContentRootPath = AppContext.BaseDirectory });
        LocalSettings.AddTo(builder.Configuration, Path.Combine(AppContext.BaseDirectory, "local.settings.json"));
        builder.Services.AddTetReadiness(builder.Configuration);
        // The app registers it once its stores use it; until then the seeder needs it for the tables below.
        builder.Services.TryAddSingleton<TableClients>();
        builder.Services.AddSingleton<DemoClock>();
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
        builder.Services.AddSingleton<DemoSeeder>();
        using var host = builder.Build();
        await host.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        return 0;
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Every table a feature registers, as start-up creates them: this host is never started, so start-up does not run.
        var owned = ownedTables.ToList();
        if (owned.Count == 0)
        {
            throw new InvalidOperationException("No feature registers its tables (AddOwnedTables), so the demo has nowhere to go.");
        }

        foreach (var table in owned)
        {
            await tables.Get(table.Name).CreateIfNotExistsAsync(cancellationToken);
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "Demo");
        var csv = DemoRoster.BuildCsv(await File.ReadAllTextAsync(Path.Combine(folder, "hanoi-districts-2024.csv"), cancellationToken));
        var checklist = JsonSerializer.Deserialize<CampaignDefinition>(await File.ReadAllTextAsync(Path.Combine(folder, "tet-checklist.json"), cancellationToken), ApiJson.Options)!;
        var today = VietnamTime.Today(TimeProvider.System);

        // The 2024 campaign closed long ago: import the roster as it stood then, so the campaign freezes with it.
        clock.Set(new DateTimeOffset(2024, 1, 10, 9, 0, 0, VietnamTime.Offset));
        await roster.ImportAsync(csv, "Quận/Huyện/Thị xã", dryRun: false, Caller.System, cancellationToken);

        var tet2024 = await PutAsync("tet-2024", "Chuẩn bị Tết Giáp Thìn 2024", "2024-01-15T08:00:00+07:00", "2024-01-31", null, checklist, cancellationToken);
        await SubmitManyAsync(tet2024, share: 0.92, firstDay: new DateOnly(2024, 1, 16), lastDay: new DateOnly(2024, 2, 5), seed: 2024, cancellationToken);

        clock.Set(null);
        await PutAsync("tet-2027", "Chuẩn bị Tết Đinh Mùi 2027", "2027-01-04T08:00:00+07:00", "2027-01-25T17:00:00+07:00", "2027-02-15", checklist, cancellationToken);

        var trial = await PutAsync("demo-ra-soat", "Rà soát chuẩn bị Tết (chạy thử)", Iso(today.AddDays(-10), 8), Iso(today.AddDays(3), 17), null, checklist, cancellationToken);
        await SubmitManyAsync(trial, share: 0.55, firstDay: today.AddDays(-9), lastDay: today, seed: 7, cancellationToken);

        var fire = await PutAsync("demo-pccc", "Kiểm tra PCCC trước Tết (chạy thử)", Iso(today.AddDays(-20), 8), Iso(today.AddDays(-4), 17), null, checklist, cancellationToken);
        await SubmitManyAsync(fire, share: 0.7, firstDay: today.AddDays(-19), lastDay: today, seed: 11, cancellationToken);
        clock.Set(null);

        foreach (var id in new[] { "tet-2024", "demo-ra-soat", "demo-pccc" })
        {
            var summary = await status.GetStatusAsync(Caller.System, id, null, cancellationToken);
            logger.LogInformation("Demo campaign {CampaignId}: {Reported}/{Units} reported, {Late} late, readiness {Readiness:P0}", id, summary.Reported, summary.Units, summary.Late, summary.Readiness);
        }
    }

    private async Task<Campaign> PutAsync(string id, string title, string opensAt, string deadline, string? closesAt, CampaignDefinition checklist, CancellationToken cancellationToken)
    {
        var definition = new CampaignDefinition
        {
            Title = title,
            OpensAt = opensAt,
            Deadline = deadline,
            ClosesAt = closesAt,
            DigestRecipients = ["vanphong@ubnd.hanoi.invalid", "sonoivu@hanoi.invalid"],
            Sections = checklist.Sections,
        };
        await campaigns.PutAsync(id, _ => Task.FromResult(definition), Caller.System, cancellationToken);
        return await campaigns.RequireAsync(id, cancellationToken);
    }

    /// <summary>Submits for a deterministic share of units at deterministic times, some after the deadline.</summary>
    private async Task SubmitManyAsync(Campaign campaign, double share, DateOnly firstDay, DateOnly lastDay, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var units = new List<RosterUnit>();
        var (_, rosterUnits, reported) = await status.LoadAsync(campaign.CampaignId, cancellationToken);
        units.AddRange(rosterUnits);
        var span = Math.Max(0, lastDay.DayNumber - firstDay.DayNumber);
        foreach (var unit in units)
        {
            var submits = random.NextDouble() < share;
            var day = firstDay.AddDays(random.Next(span + 1));
            var minutes = random.Next(7 * 60, 18 * 60);
            var diligence = random.NextDouble();
            if (!submits || reported.ContainsKey(unit.UnitId))
            {
                continue;
            }

            var at = VietnamTime.StartOf(day).AddMinutes(minutes);
            var now = DateTimeOffset.UtcNow;
            clock.Set(at > now ? now.AddMinutes(-random.Next(5, 600)) : at);
            var request = new SubmissionRequest
            {
                Answers = campaign.Checklist.Items.Select(pair => new SubmissionRequest.AnswerRequest
                {
                    ItemId = pair.Item.Id,
                    Status = PickStatus(random, diligence),
                    Note = random.NextDouble() < 0.15 ? "Đang phối hợp với các đơn vị liên quan,\nhoàn thành trước 25 tháng Chạp." : null,
                }).Cast<SubmissionRequest.AnswerRequest?>().ToList(),
                Submitter = new SubmissionRequest.SubmitterRequest { Name = "Nguyễn Văn An", Title = "Chánh Văn phòng", Phone = "024 3825 0000" },
            };
            // As a ward officer would: through the unit's link, naming the submitter.
            var linkHolder = new Caller(null, new UnitLink(campaign.CampaignId, unit.UnitId, unit.LinkGeneration, campaign.ClosesAt), null);
            await submissions.SubmitAsync(campaign.CampaignId, unit.UnitId, _ => Task.FromResult(request), SubmissionPreconditions.None, linkHolder, cancellationToken);
        }

        clock.Set(null);
    }

    private static string PickStatus(Random random, double diligence)
    {
        var roll = random.NextDouble();
        return roll < 0.05 ? AnswerStatusNames.NotApplicable
            : roll < 0.05 + (0.75 * diligence) ? AnswerStatusNames.Ready
            : roll < 0.9 ? AnswerStatusNames.Partial
            : AnswerStatusNames.NotReady;
    }

    private static string Iso(DateOnly date, int hour) => new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), VietnamTime.Offset).ToString("yyyy-MM-ddTHH:mm:sszzz");
}
