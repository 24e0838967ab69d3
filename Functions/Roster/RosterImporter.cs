using System.Text;
using Microsoft.Extensions.Logging;
using TetReadiness.Audit;
using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Messages;

namespace TetReadiness.Roster;

/// <summary>
/// Replaces the roster from a CSV of up to <see cref="RosterCsvParser.MaxRows"/> rows and <see cref="MaxBytes"/>: the
/// body is spooled to a temporary file and read a row at a time. Every row is checked before anything is written.
/// Before the first change, each campaign that has closed gets a frozen copy of the roster it closed with, so no
/// import rewrites its history. Only what changed is written, in batches.
/// </summary>
public sealed class RosterImporter(RosterStore roster, IClosedCampaigns closedCampaigns, CoordinatorDirectory coordinators, IAuditLog audit, TimeProvider clock, ILogger<RosterImporter> logger)
{
    /// <summary>A national roster: 100,000 rows of about 200 bytes each.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxAreaLevelLength = 60;

    /// <summary>City coordinators only; the caller is checked before the body is read.</summary>
    public async Task<RosterImportResult> ImportAsync(Func<CancellationToken, Task<Stream>> openCsv, string? areaLevel, bool dryRun, Caller caller, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireCityCoordinator(caller);
        await using var body = await openCsv(cancellationToken);
        using var csv = new StreamReader(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        return await ImportAsync(csv, areaLevel, dryRun, caller, cancellationToken);
    }

    public Task<RosterImportResult> ImportAsync(string csv, string? areaLevel, bool dryRun, Caller caller, CancellationToken cancellationToken) =>
        ImportAsync(new StringReader(csv), areaLevel, dryRun, caller, cancellationToken);

    public async Task<RosterImportResult> ImportAsync(TextReader csv, string? areaLevel, bool dryRun, Caller caller, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireCityCoordinator(caller);
        var level = TextRules.Normalize(string.IsNullOrWhiteSpace(areaLevel) ? RosterDistrict.DefaultAreaLevel : areaLevel);
        if (level.Length > MaxAreaLevelLength || TextRules.HasControlCharacters(level, false) || TextRules.LooksLikeFormula(level))
        {
            throw Refusal.Invalid(c => c.InvalidAreaLevel(MaxAreaLevelLength));
        }

        var parsed = RosterCsvParser.Parse(csv, level);
        if (!parsed.IsValid)
        {
            var rejected = parsed.Errors.Count;
            throw Refusal.InvalidFields(parsed.Errors, c => c.RosterRejected(rejected));
        }

        var current = new List<RosterUnit>();
        await foreach (var unit in roster.ReadCurrentUnitsAsync(cancellationToken))
        {
            current.Add(unit);
        }

        var changes = RosterChanges.Between(current, await roster.ReadDistrictsAsync(cancellationToken), parsed);
        var now = clock.GetUtcNow();
        IReadOnlyList<string> frozen = [];
        if (!dryRun)
        {
            frozen = await closedCampaigns.FreezeRostersAsync(now, cancellationToken);
            await roster.ApplyAsync(changes, now, cancellationToken);
        }

        var result = new RosterImportResult(
            Applied: !dryRun,
            AreaLevel: level,
            Districts: parsed.Districts.Count,
            Units: parsed.Units.Count,
            Added: changes.Added.Count,
            Updated: changes.Updated.Count,
            Deactivated: changes.Deactivated.Count,
            Reactivated: changes.Reactivated.Count,
            Unchanged: changes.Unchanged,
            AddedUnitIds: changes.Added.Select(u => u.UnitId).ToList(),
            UpdatedUnitIds: changes.Updated.Select(u => u.UnitId).ToList(),
            DeactivatedUnitIds: changes.Deactivated.Select(u => u.UnitId).ToList(),
            ReactivatedUnitIds: changes.Reactivated.Select(u => u.UnitId).ToList(),
            FrozenCampaignIds: frozen);

        if (!dryRun)
        {
            await roster.RecordImportAsync(new RosterImportEntity
            {
                RowKey = RosterImportEntity.RowKeyFor(now),
                ImportedAt = now,
                ImportedBy = caller.Identity,
                AreaLevel = level,
                Districts = result.Districts,
                Units = result.Units,
                Added = result.Added,
                Updated = result.Updated,
                Deactivated = result.Deactivated,
                Reactivated = result.Reactivated,
                Unchanged = result.Unchanged,
            }, cancellationToken);
            logger.LogInformation(
                "Roster imported by {ImportedBy}: {Units} units in {Districts} areas; {Added} added, {Updated} updated, {Deactivated} deactivated, {Reactivated} reactivated",
                LogRedaction.Actor(caller.Identity), result.Units, result.Districts, result.Added, result.Updated, result.Deactivated, result.Reactivated);
            await audit.RecordAsync(caller, "roster.import", $"{result.Units} units", $"{result.Added} added, {result.Updated} updated, {result.Deactivated} deactivated, {result.Reactivated} reactivated", cancellationToken);
        }

        return result;
    }

    /// <summary>The roster in the coordinator's scope: an area's coordinator reads only their areas' units.</summary>
    public async Task<RosterView> ReadAsync(Caller caller, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        var districts = (await roster.ReadDistrictsAsync(cancellationToken)).Where(d => scope.Covers(d.DistrictId)).ToList();
        var units = new List<RosterUnit>();
        var all = scope.WholeCity
            ? roster.ReadCurrentUnitsAsync(cancellationToken)
            : AreasAsync(districts.Where(d => d.Active).Select(d => d.DistrictId), cancellationToken);
        await foreach (var unit in all)
        {
            if (scope.Covers(unit.DistrictId))
            {
                units.Add(unit);
            }
        }

        return RosterView.Of(districts, units);
    }

    private async IAsyncEnumerable<RosterUnit> AreasAsync(IEnumerable<string> districtIds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var districtId in districtIds)
        {
            await foreach (var unit in roster.ReadAreaUnitsAsync(string.Empty, frozen: false, districtId, cancellationToken))
            {
                yield return unit;
            }
        }
    }
}
