using System.Net;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Backups;

public sealed class ExportTablesLocalModeTests
{
    [Fact]
    public async Task ExportTables_runs_through_the_admin_api_as_in_azure()
    {
        var container = "bk" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?> { ["Backups:Container"] = container };
        LocalModeApp.AddTriggerPlaceholders(settings, "export-test-");
        await using var local = await LocalModeApp.StartAsync(settings);
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(local.Azurite.ConnectionString).GetBlobContainerClient(container);
        try
        {
            using var response = await local.Http.PostAsync("/admin/functions/ExportTables", null);

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var names = new List<string>();
            await foreach (var blob in blobs.GetBlobsAsync())
            {
                names.Add(blob.Name);
            }

            Assert.Contains(names, name => name.EndsWith("/manifest.json", StringComparison.Ordinal));
            Assert.Contains(names, name => name.EndsWith("/SubmissionRevisions.jsonl.gz", StringComparison.Ordinal));
        }
        finally
        {
            await blobs.DeleteIfExistsAsync();
        }
    }
}
