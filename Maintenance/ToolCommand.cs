using Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TetReadiness.Backups;
using TetReadiness.Hosting;
using TetReadiness.LocalHost;
using TetReadiness.Maintenance.Purge;
using TetReadiness.Maintenance.Restore;
using TetReadiness.Storage;

namespace TetReadiness.Maintenance;

/// <summary>
/// The operator commands. Storage is reached the way the app reaches it: the setting <c>Storage</c> (a connection
/// string) or <c>Storage__accountName</c> with the signed-in identity (<c>az login</c>), from environment variables
/// or a <c>local.settings.json</c> given with <c>--settings</c>; <c>Storage__TablePrefix</c> and
/// <c>Backups__Container</c> as in the app.
/// </summary>
public static class ToolCommand
{
    public const string Usage = """
        usage:
          restore {yyyy-MM-dd} [--tables A,B] [--replace]      write a day's backup into empty tables (--replace: replace their rows)
          purge-campaign {campaignId} [--dry-run] [--force]    remove a closed campaign's personal data after its retention period
        options: --settings FILE (a local.settings.json), --operator NAME (recorded in AuditLog; default $TETREADINESS_OPERATOR or the OS user)
        storage: Storage=<connection string>, or Storage__accountName=<account> with `az login`; Storage__TablePrefix, Backups__Container, Purge__RetentionDays
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, IConfiguration? configuration = null, TimeProvider? clock = null)
    {
        try
        {
            var arguments = ToolArguments.Parse(args);
            configuration ??= Configuration(arguments.Settings);
            clock ??= TimeProvider.System;
            var storage = Bind<StorageOptions>(configuration, StorageOptions.SectionName);
            var tables = new TableClients(StorageClientFactory.CreateTableService(configuration, storage), Options.Create(storage));
            var actor = arguments.Operator ?? Environment.GetEnvironmentVariable("TETREADINESS_OPERATOR") ?? Environment.UserName;
            return arguments.Command switch
            {
                "restore" => await RestoreAsync(arguments, configuration, storage, tables, clock, actor, output, cancellationToken),
                "purge-campaign" => await PurgeAsync(arguments, configuration, tables, clock, actor, output, cancellationToken),
                _ => throw new ToolException(Usage),
            };
        }
        catch (ToolException refusal)
        {
            await error.WriteLineAsync(refusal.Message);
            return 2;
        }
        catch (RequestFailedException failure)
        {
            await error.WriteLineAsync($"Storage answered {failure.Status} ({failure.ErrorCode}): {failure.Message.Split('\n')[0]}");
            return 1;
        }
    }

    private static async Task<int> RestoreAsync(ToolArguments arguments, IConfiguration configuration, StorageOptions storage, TableClients tables, TimeProvider clock, string actor, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.DryRun || arguments.Force)
        {
            throw new ToolException($"restore has no --dry-run or --force: it refuses tables that have rows unless --replace.\n{Usage}");
        }

        if (!BackupLayout.TryParseDate(arguments.Target, out var date))
        {
            throw new ToolException($"restore needs a date, yyyy-MM-dd (got '{arguments.Target}').\n{Usage}");
        }

        var container = StorageClientFactory.CreateBlobService(configuration, storage).GetBlobContainerClient(Bind<BackupOptions>(configuration, BackupOptions.SectionName).Container);
        output.WriteLine($"Restoring the backup of {BackupLayout.Folder(date)} from container '{container.Name}'{(storage.TablePrefix.Length > 0 ? $" into tables prefixed '{storage.TablePrefix}'" : string.Empty)}");
        var result = await new TableRestorer(tables, OwnedTables(configuration), container, output).RestoreAsync(date, arguments.Tables, arguments.Replace, cancellationToken);
        var settled = result.Tables.Sum(t => t.InFlightSettled);
        await ToolAudit.RecordAsync(tables, clock, actor, "backup.restore", result.Date,
            $"{result.Tables.Count} tables, {result.Rows} rows{(arguments.Replace ? ", --replace" : string.Empty)}, {settled} in-flight messages marked failed", cancellationToken);
        output.WriteLine($"Restored {result.Rows} rows into {result.Tables.Count} tables. Nothing is sent again: {settled} reminders or digests that were on their way are marked failed with NeedsReview = true.");
        output.WriteLine("A restore brings back personal data purged after that day: run purge-campaign again for every campaign purged since.");
        output.WriteLine("It also brings back each unit's link generation of that day: a unit link revoked since then works again. Revoke again (POST /api/units/{unit}/links/revoke) every link revoked after the backup.");
        return 0;
    }

    private static async Task<int> PurgeAsync(ToolArguments arguments, IConfiguration configuration, TableClients tables, TimeProvider clock, string actor, TextWriter output, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(arguments.Target) || arguments.Replace || arguments.Tables is not null)
        {
            throw new ToolException($"purge-campaign takes a campaign id, --dry-run and --force.\n{Usage}");
        }

        var options = Bind<PurgeOptions>(configuration, PurgeOptions.SectionName);
        var purger = new CampaignPurger(tables, clock, options);
        var plan = await purger.PlanAsync(arguments.Target, arguments.Force, cancellationToken);
        output.WriteLine($"Campaign '{plan.CampaignId}' closed {Time.VietnamTime.Format(plan.ClosesAt)}; retention {options.RetentionDays} days. {(arguments.DryRun ? "Would remove" : "Removing")} {plan.Fields} personal data fields in {plan.Changes.Count} rows:");
        foreach (var line in plan.Summary())
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine($"Kept: answers, notes, scores, counts, dates and states; unit and area names; addresses still in the roster (removed ones in a list become '{PurgeRules.Placeholder}', so counts hold); who did what in AuditLog.");
        if (arguments.DryRun)
        {
            output.WriteLine("Dry run: nothing was written.");
            return 0;
        }

        await purger.ApplyAsync(plan, cancellationToken);
        await ToolAudit.RecordAsync(tables, clock, actor, "campaign.purge", plan.CampaignId,
            $"{plan.Fields} fields in {plan.Changes.Count} rows: {string.Join("; ", plan.Summary())}{(arguments.Force ? " (--force, within retention)" : string.Empty)}", cancellationToken);
        output.WriteLine("Done. Recorded in AuditLog (campaign.purge). Backups taken before today still hold the removed data until the backup retention rule deletes them.");
        return 0;
    }

    /// <summary>The tables the app's features register as their own, in the order the app backs them up.</summary>
    private static IReadOnlyList<OwnedTable> OwnedTables(IConfiguration configuration)
    {
        using var services = new ServiceCollection().AddTetReadiness(configuration).BuildServiceProvider();
        return services.GetServices<OwnedTable>().ToList();
    }

    private static IConfiguration Configuration(string? settingsFile)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (settingsFile is not null)
        {
            if (!File.Exists(settingsFile))
            {
                throw new ToolException($"No settings file '{settingsFile}'.");
            }

            LocalSettings.AddTo(builder, settingsFile);
        }

        return builder.Build();
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true))
        {
            throw new ToolException(string.Join(" ", results.Select(r => r.ErrorMessage)));
        }

        return options;
    }
}
