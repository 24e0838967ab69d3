using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Tests.Backups;

namespace TetReadiness.Tests.Infrastructure;

/// <summary>A test app whose every table request is recorded, to check what a call costs in storage requests.</summary>
public static class RecordedTables
{
    public static async Task<TestApp> StartAppAsync(RequestRecorder recorder, DateTimeOffset? now = null)
    {
        var azurite = await AzuriteServer.Shared;
        return await TestApp.StartAsync(now, configure: services => services.AddSingleton(_ =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(recorder, HttpPipelinePosition.PerCall);
            return new TableServiceClient(azurite.ConnectionString, options);
        }));
    }

    /// <summary>The requests recorded since the last call, which it forgets.</summary>
    public static IReadOnlyList<string> Take(this RequestRecorder recorder)
    {
        var taken = new List<string>();
        while (recorder.Requests.TryDequeue(out var request))
        {
            taken.Add(request);
        }

        return taken;
    }
}
