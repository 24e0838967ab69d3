using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TetReadiness.Digests;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Digests;

/// <summary>
/// The run that queues a digest stamps <c>EnqueuedAt</c> on its row just after queueing it, which changes the row's
/// ETag. A sender that read the row in between loses its claim: that is not another sender, and the digest must
/// still go out that day.
/// </summary>
public sealed class DigestClaimRaceTests
{
    [Fact]
    public async Task A_claim_that_loses_only_to_the_enqueued_stamp_claims_again_and_sends_the_digest()
    {
        await using var azurite = await AzuriteServer.StartAsync(null);
        var stamp = new StampBeforeClaimPolicy();
        var (sendGrid, sentTo) = DigestTestQueue.SendGridAccepting();
        await using var app = await TestApp.StartAsync(
            new DateTimeOffset(2024, 1, 20, 17, 0, 0, TimeSpan.FromHours(7)),
            new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "SG.test-key" },
            azurite,
            services =>
            {
                services.AddSingleton(sendGrid.Object);
                services.AddSingleton(_ =>
                {
                    var options = new TableClientOptions();
                    options.AddPolicy(stamp, HttpPipelinePosition.PerCall);
                    return new TableServiceClient(azurite.ConnectionString, options);
                });
            });
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<DailyDigestService>().RunAsync(CancellationToken.None);
        var message = (await DigestTestQueue.DrainAsync(azurite)).First();

        var digests = new TableClient(azurite.ConnectionString, app.Tables.Digests.Name);
        stamp.Arm(() => digests.UpdateEntityAsync(
            new TableEntity(message.Date, message.Recipient) { ["EnqueuedAt"] = DateTimeOffset.UtcNow }, ETag.All, TableUpdateMode.Merge));
        await app.Create<SendDigestFunction>().Run(message, CancellationToken.None);

        Assert.True(stamp.Fired);
        Assert.Equal([message.Recipient], sentTo);
        var row = (await digests.GetEntityAsync<TableEntity>(message.Date, message.Recipient)).Value;
        Assert.Equal(DigestState.Sent, row.GetString("State"));
        Assert.Equal(1, row.GetInt32("Attempts"));
    }

    /// <summary>Once armed, runs the stamp right before the next conditional replace of a Digests row (the claim).</summary>
    private sealed class StampBeforeClaimPolicy : HttpPipelinePolicy
    {
        private Func<Task>? pending;

        public bool Fired { get; private set; }

        public void Arm(Func<Task> stampRow) => pending = stampRow;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The app's table calls are asynchronous.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (pending is { } stampRow && message.Request.Method == RequestMethod.Put
                && message.Request.Uri.Path.Contains("Digests(", StringComparison.Ordinal)
                && message.Request.Headers.TryGetValue("If-Match", out var ifMatch) && ifMatch != "*")
            {
                pending = null;
                await stampRow();
                Fired = true;
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
