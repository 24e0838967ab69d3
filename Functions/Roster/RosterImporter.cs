using Microsoft.Extensions.Logging;
using TetReadiness.Audit;
using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Messages;

namespace TetReadiness.Roster;

/// <summary>
/// Replaces the roster from a CSV. Every row is checked before anything is written. Before the first change,
/// each campaign that has closed gets a frozen copy of the roster it closed with, so no import rewrites its history.
/// </summary>
public sealed class RosterImporter(RosterStore roster, IClosedCampaigns closedCampaigns, CoordinatorDirectory coordinators, IAuditLog audit, TimeProvider clock, ILogger<RosterImporter> logger)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxAreaLevelLength = 60;

    /// <summary>City coordinators only; the caller is checked before the body is read.</summary>
    public async Task<RosterImportResult> ImportAsync(Func<CancellationToken, Task<string>> readCsv, string? areaLevel, bool dryRun, Caller caller, CancellationToken cancellationToken)
    {
        AccessPolicy.RequireCityCoordinator(caller);
        return await ImportAsync(await readCsv(cancellationToken), areaLevel, dryRun, caller, cancellationToken);
    }

    public async Task<RosterImportResult> ImportAsync(string csv, string? areaLevel, bool dryRun, Caller caller, CancellationToken cancellationToken)
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

    /// <summary>The roster in the coordinator's scope.</summary>
    public async Task<RosterView> ReadAsync(Caller caller, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        var units = new List<RosterUnit>();
        await foreach (var unit in roster.ReadCurrentUnitsAsync(cancellationToken))
        {
            if (scope.Covers(unit.DistrictId))
            {
                units.Add(unit);
            }
        }

        var districts = (await roster.ReadDistrictsAsync(cancellationToken)).Where(d => scope.Covers(d.DistrictId)).ToList();
        return RosterView.Of(districts, units);
    }
}
