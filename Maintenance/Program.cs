using TetReadiness.Maintenance;

// scripts/restore.sh and scripts/purge-campaign.sh run this; docs/deploy-azure.md, "Backup, restore and purge".
return await ToolCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
