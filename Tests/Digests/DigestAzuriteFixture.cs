using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Digests;

/// <summary>
/// An Azurite of their own for the tests that read queue <c>digests</c> back: tables have a prefix per test, queues
/// do not, so sharing the run's Azurite would let other tests' messages in.
/// </summary>
public sealed class DigestAzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteServer.StartAsync(null);

    public async Task DisposeAsync() => await Azurite.DisposeAsync();
}
